-- Acknowledged irregularities (issue 14): a signature or an instrument the depositary recorded
-- although a rule refuses it carries the refusal's code and a note. Records stored before have none.
-- A succession to a signature keeps its predecessor in the existing predecessor column.
ALTER TABLE status_record ADD COLUMN irregularity_code VARCHAR(64);
ALTER TABLE status_record ADD COLUMN irregularity_note VARCHAR(2000);
