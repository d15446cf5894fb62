-- Scopes: a node may be limited to some rows of a table (a care unit's own orders, say). A change outside a
-- node's scope reaches it as a "filtered" stub that keeps its origin's sequence gap-free without its content.
alter table sync.changes drop constraint changes_status_check;
alter table sync.changes add constraint changes_status_check
  check (status in ('applied', 'rejected', 'pending', 'filtered'));

-- The scope an enrollment code gives the node that uses it.
alter table sync.enrollments add column scope jsonb not null default '{}';
