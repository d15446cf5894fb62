-- Keyset paging (docs/desk.md, "Paging"): the priority order walked by an index, as created and updated are by
-- incidents_created and incidents_updated. The expression is the one incident-paging.ts orders by.
create index incidents_priority_page on desk.incidents (
  (case priority when 'critical' then 4 when 'high' then 3 when 'normal' then 2 else 1 end) desc,
  created_at desc,
  id desc
);

-- The filters people use most (docs/query-language.md, figures in docs/benchmarks.md): open incidents are a few
-- percent of a desk's history, so indexes over them alone are small and walk the newest first.
create index incidents_open_created on desk.incidents (created_at desc, id desc)
  where status in ('new', 'in_progress', 'waiting');
create index incidents_open_assignee on desk.incidents (assignee_id, created_at desc, id desc)
  where status in ('new', 'in_progress', 'waiting');
-- status:open priority:>=high counts from the index alone instead of visiting every open incident's row.
create index incidents_open_priority on desk.incidents (priority)
  where status in ('new', 'in_progress', 'waiting');
-- client:"ACME AB" compares without case; newest first within one client.
create index incidents_client on desk.incidents (lower(client_ref), created_at desc, id desc);
-- category:network and group:… look the name up once, then match incidents by id.
create index incidents_category on desk.incidents (category_id, created_at desc);
create index incidents_group on desk.incidents (group_id, created_at desc);
