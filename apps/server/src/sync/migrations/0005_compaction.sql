-- Compaction removes changes every known peer holds and no longer needs (superseded rows, old tombstones,
-- filtered stubs). Per origin, the highest seq removed: a peer whose vector is below it cannot catch up from
-- the log and is reset from a snapshot instead.
create table sync.horizon (
  origin uuid primary key,
  seq bigint not null
);
