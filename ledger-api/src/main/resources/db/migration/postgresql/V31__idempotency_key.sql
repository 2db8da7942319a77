-- Idempotent writes: one row per Idempotency-Key; status and response are set once the first
-- request with the key has succeeded (org.ratification.ledger.api.idempotency).
CREATE TABLE idempotency_key (
    request_key    VARCHAR(255)  NOT NULL PRIMARY KEY,
    request_hash   VARCHAR(64)   NOT NULL,
    principal      VARCHAR(255),
    record_id      VARCHAR(64)   NOT NULL,
    status         INTEGER,
    response_body  TEXT,
    location       VARCHAR(2000),
    created_at     TIMESTAMP     NOT NULL,
    completed_at   TIMESTAMP
);

CREATE INDEX idempotency_key_completed ON idempotency_key (completed_at);
