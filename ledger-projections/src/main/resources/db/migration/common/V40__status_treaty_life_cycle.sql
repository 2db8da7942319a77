-- Protocols, amendments, succession and territorial application (issue 8): the whole definition
-- as JSON (parent treaty, amendment and succession clauses), and the facts of the new records.
ALTER TABLE status_treaty ADD COLUMN definition_json VARCHAR;
ALTER TABLE status_record ALTER COLUMN participant DROP NOT NULL;
ALTER TABLE status_record ADD COLUMN territories VARCHAR;
ALTER TABLE status_record ADD COLUMN predecessor VARCHAR(255);
ALTER TABLE status_record ADD COLUMN bound_from DATE;
ALTER TABLE status_record ADD COLUMN amendment_id VARCHAR(64);
ALTER TABLE status_record ADD COLUMN adoption_method VARCHAR(16);
ALTER TABLE status_record ALTER COLUMN kind SET DATA TYPE VARCHAR(32);
ALTER TABLE status_record ALTER COLUMN communication_kind SET DATA TYPE VARCHAR(32);
ALTER TABLE status_record ALTER COLUMN instrument_type SET DATA TYPE VARCHAR(32);
