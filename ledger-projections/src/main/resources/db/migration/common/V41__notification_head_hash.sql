-- Every depositary notification carries the hash of the record it announces (the chain's head then).
ALTER TABLE notification ADD COLUMN head_hash VARCHAR(64);
