-- The `shared` policy: several writers, merged per column by last writer wins (see applier.ts).
-- Records a local write to a replicated table in the change log, in the writer's transaction.
-- Arguments: policy, key columns and replicated columns (comma-separated), schema version. A change to a
-- `shared` row lists the columns it changed under "$columns" in its data (absent: all of them).
create or replace function sync.capture() returns trigger language plpgsql as $$
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
  -- A shared row merges column by column: an update says which columns it changed.
  if policy = 'shared' and TG_OP = 'UPDATE' then
    new_data := new_data || jsonb_build_object('$columns', (
      select jsonb_agg(key order by key) from jsonb_each(new_data) n
      where n.value is distinct from old_data -> n.key));
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
