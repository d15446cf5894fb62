-- Who was the hub, epoch by epoch. A change that only a hub may make (a reference row, a registry entry, a
-- change to another node's row) is judged by the epoch in force at its clock stamp, so a hub that went down
-- keeps the authority for what it wrote while it was the hub, and loses it for what it writes afterwards.
-- Replicated like the registry: a promoted node writes the row of its own epoch, signed as any change.
create table sync.epochs (
  epoch integer primary key,
  hub_node_id uuid not null,
  -- Where the hub could be reached when it took over, if it knew; clients also find it through their peers.
  hub_url text,
  -- The epoch covers changes stamped at or after this clock stamp (epoch 1: the empty string, i.e. all).
  started_hlc text not null,
  promoted_at timestamptz not null
);

-- A hub that exists from before epochs were recorded founded epoch 1.
insert into sync.epochs (epoch, hub_node_id, hub_url, started_hlc, promoted_at)
  select epoch, hub_node_id, hub_url, '', enrolled_at from sync.cluster c
  where exists (select 1 from sync.local_node n where n.role = 'hub' and n.node_id = c.hub_node_id);

-- What the hub confirmed it holds of this node's own changes, and up to which of them it has told this node
-- which it refused; both survive a restart, so "sent" stays true and no refusal goes unheard.
alter table sync.cluster add column confirmed_seq bigint not null default 0;
alter table sync.cluster add column rejections_heard_seq bigint not null default 0;

-- Applying a change looks up the newest change already applied to the same row (last writer wins per row).
create index changes_row on sync.changes (tbl, pk);
