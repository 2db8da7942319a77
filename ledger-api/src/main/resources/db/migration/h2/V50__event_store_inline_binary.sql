-- H2 keeps BLOB values apart from their rows, in a LOB store that every read copies out and every
-- write updates: profiled, more than half of a time-travel read of 1,000 records and a large part
-- of each commit (token updates included) went there (bench/RESULTS.md §3). Events and tokens are
-- small (kilobytes), so they are stored in the row. Snapshots, which grow with the treaty, stay BLOB.
-- PostgreSQL's bytea is stored in the row (or TOASTed) already.
ALTER TABLE domain_event_entry ALTER COLUMN payload SET DATA TYPE VARBINARY;
ALTER TABLE domain_event_entry ALTER COLUMN meta_data SET DATA TYPE VARBINARY;
ALTER TABLE token_entry ALTER COLUMN token SET DATA TYPE VARBINARY;
