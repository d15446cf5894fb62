-- Saved filters (docs/desk-boards.md): a name for a filter-language query, private or shared with one desk group.
create table desk.saved_filters (
  id uuid primary key,
  owner_id uuid not null,
  -- Kept with the filter so a shared filter names its owner without reading another module's tables.
  owner_name text not null,
  name text not null check (length(name) between 1 and 80),
  query text not null check (length(query) between 1 and 1000),
  -- Null: only the owner sees it.
  group_id uuid references desk.groups (id),
  pinned boolean not null default false,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index saved_filters_owner on desk.saved_filters (owner_id);
create index saved_filters_group on desk.saved_filters (group_id) where group_id is not null;

-- Per-user kanban boards. The columns are one ordered document of the board, written whole with it
-- (title, status, saved filter, query, WIP limit each), so reordering never leaves half a board.
create table desk.boards (
  id uuid primary key,
  owner_id uuid not null,
  name text not null check (length(name) between 1 and 80),
  base_query text not null default '' check (length(base_query) <= 1000),
  columns jsonb not null,
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index boards_owner on desk.boards (owner_id);
-- Exactly one default board per agent, even when their first two requests race to create it.
create unique index boards_one_default on desk.boards (owner_id) where is_default;
