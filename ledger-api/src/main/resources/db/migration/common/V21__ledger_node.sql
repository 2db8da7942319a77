-- The nodes of the ledger that share this database, with the last time each reported itself
-- alive, so that each node can work out its fair share of the event processors' segments.
CREATE TABLE ledger_node (
    node_id  VARCHAR(255)              NOT NULL PRIMARY KEY,
    seen_at  TIMESTAMP WITH TIME ZONE  NOT NULL
);
