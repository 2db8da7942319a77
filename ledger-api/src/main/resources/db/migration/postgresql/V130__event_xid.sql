-- The verifiable log on PostgreSQL is appended after commit (docs/LOG.md, "Leaves"): every event row
-- carries the id of the transaction that wrote it, and the log's leaves follow (xid NULLS FIRST,
-- global_index). A row whose xid is below the oldest transaction still in progress
-- (pg_snapshot_xmin(pg_current_snapshot())) belongs to a finished transaction, and every row still to
-- come has an xid at or above it, so the prefix below that horizon never changes.
-- The column is added without a default first, so the rows written before keep NULL (their leaves exist
-- already, in global order, and stay first) and the table is not rewritten; then every insert gets the
-- id of its transaction (Axon's insert names its columns, so the default applies).
ALTER TABLE domain_event_entry ADD COLUMN xid xid8;
ALTER TABLE domain_event_entry ALTER COLUMN xid SET DEFAULT pg_current_xact_id();
CREATE INDEX domain_event_entry_xid ON domain_event_entry (xid, global_index);

-- Where the log's appender goes on from: the (xid, global_index) of the last leaf. NULL xid with a
-- global index: the last leaf is a row written before this migration; both NULL: an empty tree.
ALTER TABLE log_head ADD COLUMN last_xid xid8;
ALTER TABLE log_head ADD COLUMN last_global_index BIGINT;
UPDATE log_head SET last_global_index = (SELECT global_index FROM log_leaf WHERE leaf_index = log_head.tree_size - 1);
