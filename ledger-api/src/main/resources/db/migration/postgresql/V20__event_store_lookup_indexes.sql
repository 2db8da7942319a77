-- Lookups the JDBC storage engine makes besides those the primary and unique keys of V1 serve
-- (aggregate stream by aggregate_identifier + sequence_number, tracking by global_index):
-- a token "at" an instant (replay from a date) looks events up by time_stamp.
CREATE INDEX domain_event_entry_time_stamp ON domain_event_entry (time_stamp);

-- token_entry rows are rewritten after every batch a processor handles: leave room on each page so
-- that PostgreSQL can update them in place (HOT) instead of bloating the table and its index.
ALTER TABLE token_entry SET (fillfactor = 70);
