-- Proofs read a few dozen log_node rows; they now ask for them by one BIGINT key (node_key = ANY(?)),
-- the same statement on H2, where a pair as primary key cost two B-tree descents per lookup (see
-- h2/V123). node_key numbers the complete subtrees in order (the subtree of 2^level leaves starting
-- at leaf index·2^level is ((2·index + 1) << level) - 1), computed by the database, so the inserts name
-- the same three columns as before; it replaces the pair as primary key (one index, as before). The
-- check keeps the numbering one-to-one (no overflow past 2^63).
ALTER TABLE log_node ADD COLUMN node_key BIGINT GENERATED ALWAYS AS (((2 * node_index + 1) << node_level) - 1) STORED;
ALTER TABLE log_node ADD CONSTRAINT log_node_key_range CHECK (node_level BETWEEN 0 AND 61 AND node_index >= 0
    AND node_index < (CAST(1 AS BIGINT) << (62 - node_level)));
ALTER TABLE log_node DROP CONSTRAINT log_node_pkey;
ALTER TABLE log_node ADD PRIMARY KEY (node_key);
