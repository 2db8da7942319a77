-- The verifiable log on H2 is appended after commit too (docs/LOG.md, "Leaves"), in global order, below
-- the horizon of this node's recordings still in progress (H2 is embedded: every writer is in the JVM,
-- api/log/OpenRecordings). Where the appender goes on from: the global index of the last leaf (NULL for
-- an empty tree). Leaves appended before followed the global order as well, so they stay as they are.
ALTER TABLE log_head ADD COLUMN last_global_index BIGINT;
UPDATE log_head SET last_global_index = (SELECT global_index FROM log_leaf WHERE leaf_index = log_head.tree_size - 1);
