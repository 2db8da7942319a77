-- Proofs read a few dozen log_node rows by (node_level, node_index). H2 keeps a table's rows in a map
-- keyed by its primary key only when that key is one BIGINT column; with the pair as key, every lookup
-- went through a separate index map and then the row map (two B-tree descents, two pages to read and
-- decode). node_key numbers the complete subtrees in order (the subtree of 2^level leaves starting at
-- leaf index·2^level is ((2·index + 1) << level) - 1: the leaves are the even numbers, each subtree lies
-- between its two halves), computed by the database, so the inserts name the same three columns as
-- before. The check keeps the numbering one-to-one (no overflow past 2^63). H2 picks the row map's key
-- only for a table created with it, so the table is copied.
CREATE TABLE log_node_keyed (
    node_level  INTEGER      NOT NULL,
    node_index  BIGINT       NOT NULL,
    hash        VARCHAR(64)  NOT NULL,
    node_key    BIGINT       GENERATED ALWAYS AS (LSHIFT(2 * node_index + 1, node_level) - 1) NOT NULL PRIMARY KEY,
    CONSTRAINT log_node_key_range CHECK (node_level BETWEEN 0 AND 61 AND node_index >= 0
        AND node_index < LSHIFT(CAST(1 AS BIGINT), 62 - node_level))
);
INSERT INTO log_node_keyed (node_level, node_index, hash)
    SELECT node_level, node_index, hash FROM log_node ORDER BY node_level, node_index;
DROP TABLE log_node;
ALTER TABLE log_node_keyed RENAME TO log_node;
