-- Imports from CSV and Excel (docs/directory.md, "Import"). Each is one change set that an undo takes back:
-- what it created and, for what it changed, every column as it was. Kept on the hub that ran it, not replicated:
-- the records it wrote replicate as ordinary changes. `at` is the import transaction's time, which is also the
-- `updated_at` of everything it wrote, so a later change to one of them shows and refuses the undo.
create table directory.imports (
  id uuid primary key,
  file_name text not null,
  at timestamptz not null,
  by_user_id uuid,
  by_name text not null,
  row_count integer not null,
  skipped_rows integer not null,
  created jsonb not null,
  updated jsonb not null,
  changes jsonb not null,
  undone_at timestamptz,
  undone_by text
);
create index imports_at on directory.imports (at desc);
