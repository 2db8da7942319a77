-- The head of the verifiable log (docs/LOG.md): one row that every recording locks before its event is
-- inserted and moves when its leaf is appended, in the same transaction, so that the log's leaves follow
-- the event store's global order on every node. root_hash is empty until the head is first moved (the log
-- of version 1, appended by a tracking processor, is folded again at the next start).
CREATE TABLE log_head (
    id         INTEGER      NOT NULL PRIMARY KEY,
    tree_size  BIGINT       NOT NULL,
    root_hash  VARCHAR(64)  NOT NULL
);
INSERT INTO log_head (id, tree_size, root_hash) SELECT 1, COALESCE(MAX(leaf_index) + 1, 0), '' FROM log_leaf;
