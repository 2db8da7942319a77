-- An Idempotency-Key is each principal's own: the same key sent by two recorders names two requests,
-- neither of which sees, replays or blocks the other's. Rows kept from before keep their key under the
-- principal that sent it (a row without one, under '').
UPDATE idempotency_key SET principal = '' WHERE principal IS NULL;
ALTER TABLE idempotency_key ALTER COLUMN principal SET NOT NULL;
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD CONSTRAINT idempotency_key_pk PRIMARY KEY (principal, request_key);
