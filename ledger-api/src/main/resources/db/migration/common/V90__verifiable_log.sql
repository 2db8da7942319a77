-- The verifiable log (docs/LOG.md): one leaf per record in the order the log processor appended it,
-- the hashes of the complete subtrees of the Merkle tree (level 0 is the leaf hash), and the signed
-- checkpoints. Hashes are lowercase hexadecimal text, the same on H2 and PostgreSQL.
CREATE TABLE log_leaf (
    leaf_index       BIGINT        NOT NULL PRIMARY KEY,
    global_index     BIGINT        NOT NULL,
    record_id        VARCHAR(255),
    treaty_id        VARCHAR(255)  NOT NULL,
    sequence_number  BIGINT        NOT NULL,
    chain_hash       VARCHAR(64)   NOT NULL,
    CONSTRAINT log_leaf_global_index UNIQUE (global_index)
);
CREATE INDEX log_leaf_record ON log_leaf (record_id);

CREATE TABLE log_node (
    node_level  INTEGER      NOT NULL,
    node_index  BIGINT       NOT NULL,
    hash        VARCHAR(64)  NOT NULL,
    PRIMARY KEY (node_level, node_index)
);

CREATE TABLE log_checkpoint (
    tree_size      BIGINT         NOT NULL PRIMARY KEY,
    root_hash      VARCHAR(64)    NOT NULL,
    checkpoint_at  VARCHAR(40)    NOT NULL,
    note           VARCHAR(1000)  NOT NULL,
    signature      VARCHAR(200)   NOT NULL,
    key_id         VARCHAR(16)    NOT NULL
);
