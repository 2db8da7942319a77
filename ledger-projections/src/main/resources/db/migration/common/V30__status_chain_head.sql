-- Read model "status", chain head: the hash and sequence number of each treaty's latest record,
-- shown as headHash in the treaty's status (see docs/CHAIN.md).
CREATE TABLE status_chain_head (
    treaty_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    head_hash      VARCHAR(64) NOT NULL,
    head_sequence  BIGINT      NOT NULL
);
