-- Every depositary notification in French too (subject line and text), written with the English one.
-- Notifications issued before this version have none until the read model is rebuilt; they are read in English.
ALTER TABLE notification ADD COLUMN subject_fr VARCHAR;
ALTER TABLE notification ADD COLUMN body_fr VARCHAR;
