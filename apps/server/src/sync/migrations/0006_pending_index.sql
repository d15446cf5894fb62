-- Every apply reads the changes held back for the origins of its batch, and every start counts them. They are
-- few; without this index each read filtered every change of those origins (on a hub, most of its log).
create index changes_pending on sync.changes (origin, seq) where status = 'pending';
