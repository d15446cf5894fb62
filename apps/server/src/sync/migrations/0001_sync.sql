create schema sync;

-- This node: who it is (id and Ed25519 key pair, created on first start: in the data directory with PGlite,
-- shared by every instance of a scaled-out hub on PostgreSQL), its role, the next sequence number of its own
-- changes and its hybrid logical clock. One row. Writers of replicated tables lock it until commit, so own
-- seqs are gap-free and in commit order.
create table sync.local_node (
  singleton boolean primary key default true check (singleton),
  node_id uuid not null,
  public_key text not null,
  private_key text not null,
  role text not null check (role in ('hub', 'client')),
  seq bigint not null default 0,
  hlc_wall bigint not null default 0,
  hlc_counter integer not null default 0
);

-- The cluster this node belongs to and its current hub; (cluster_id, epoch) names the authority.
create table sync.cluster (
  singleton boolean primary key default true check (singleton),
  cluster_id uuid not null,
  epoch integer not null,
  hub_node_id uuid not null,
  hub_url text,
  enrolled_at timestamptz not null default now(),
  -- A client is bootstrapped once it has loaded the hub's snapshot; from then on it pulls changes only.
  bootstrapped boolean not null default false,
  last_sync_at timestamptz
);

-- Every change this node made or received, keyed by (origin, seq). Received changes are kept so they can be
-- forwarded (LAN peers, bundles) and so duplicates are recognised.
create table sync.changes (
  origin uuid not null,
  seq bigint not null,
  hlc text not null,
  tx bigint not null,
  tbl text not null,
  pk jsonb not null,
  op text not null check (op in ('upsert', 'delete')),
  data jsonb,
  schema_version integer not null,
  signature text,
  -- applied: in the tables; rejected: refused by this node's rules (kept so the origin's seqs stay gap-free);
  -- pending: waiting for an earlier seq of the same origin.
  status text not null default 'applied' check (status in ('applied', 'rejected', 'pending')),
  reason text,
  received_at timestamptz not null default now(),
  primary key (origin, seq)
);
create index changes_unsigned on sync.changes (seq) where signature is null;

-- Highest contiguous seq this node holds per origin (its version vector).
create table sync.vector (
  origin uuid primary key,
  seq bigint not null
);

-- Enrolled nodes: replicated from the hub to every node, so every node can verify every origin's signature.
create table sync.nodes (
  node_id uuid primary key,
  name text not null,
  public_key text not null,
  role text not null check (role in ('hub', 'client')),
  scope jsonb not null default '{}',
  enrolled_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- One-time codes an administrator hands to a new workstation; only their hash is kept.
create table sync.enrollments (
  code_hash text primary key,
  created_by uuid,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_by uuid,
  used_at timestamptz
);

-- What each peer has confirmed it holds, for status, compaction and "sent" badges.
create table sync.peers (
  node_id uuid primary key,
  vector jsonb not null default '{}',
  last_seen_at timestamptz not null default now()
);

-- Records a local write to a replicated table in the change log, in the writer's transaction.
-- Arguments: policy, key columns and replicated columns (comma-separated), schema version.
create function sync.capture() returns trigger language plpgsql as $$
declare
  policy text := TG_ARGV[0];
  key_columns text[] := string_to_array(TG_ARGV[1], ',');
  columns text[] := string_to_array(TG_ARGV[2], ',');
  new_data jsonb;
  old_data jsonb;
  row_key jsonb;
  node sync.local_node%rowtype;
  now_ms bigint := floor(extract(epoch from clock_timestamp()) * 1000);
begin
  if current_setting('kontor.applying', true) = 'on' then
    return null;
  end if;
  if TG_OP <> 'DELETE' then
    select jsonb_object_agg(key, value) into new_data from jsonb_each(to_jsonb(NEW)) where key = any(columns);
  end if;
  if TG_OP <> 'INSERT' then
    select jsonb_object_agg(key, value) into old_data from jsonb_each(to_jsonb(OLD)) where key = any(columns);
  end if;
  -- Only node-local columns changed (say, a failed sign-in count): nothing to replicate.
  if TG_OP = 'UPDATE' and new_data = old_data then
    return null;
  end if;
  select jsonb_object_agg(key, value) into row_key
    from jsonb_each(coalesce(new_data, old_data)) where key = any(key_columns);

  update sync.local_node set
    seq = seq + 1,
    hlc_counter = case when now_ms > hlc_wall then 0 else hlc_counter + 1 end,
    hlc_wall = greatest(hlc_wall, now_ms)
  returning * into node;
  if policy = 'reference' and node.role <> 'hub' then
    raise exception 'table %.% is maintained on the hub; this node holds a read-only copy', TG_TABLE_SCHEMA, TG_TABLE_NAME
      using errcode = 'insufficient_privilege';
  end if;

  insert into sync.changes (origin, seq, hlc, tx, tbl, pk, op, data, schema_version, signature, status)
  values (
    node.node_id, node.seq,
    lpad(node.hlc_wall::text, 15, '0') || '-' || lpad(node.hlc_counter::text, 5, '0') || '-' || node.node_id,
    txid_current(), TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, row_key,
    case when TG_OP = 'DELETE' then 'delete' else 'upsert' end,
    new_data, TG_ARGV[3]::integer, null, 'applied');
  insert into sync.vector (origin, seq) values (node.node_id, node.seq)
    on conflict (origin) do update set seq = excluded.seq;
  -- Delivered at commit (and once per transaction): wakes the nodes waiting for this node's changes.
  perform pg_notify('kontor_sync', '');
  return null;
end
$$;
