create schema audit;

-- Append-only: who changed what, when, with the state before and after.
create table audit.entries (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text not null,
  action text not null,
  entity text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
create index entries_at on audit.entries (at desc, id desc);
create index entries_entity on audit.entries (entity, entity_id);
create index entries_actor on audit.entries (actor_id);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit.entries is append-only';
end
$$;
create trigger entries_append_only before update or delete on audit.entries
  for each row execute function audit.refuse_change();
create trigger entries_no_truncate before truncate on audit.entries
  for each statement execute function audit.refuse_change();
