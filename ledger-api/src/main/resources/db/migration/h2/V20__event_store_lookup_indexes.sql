-- Lookups the JDBC storage engine makes besides those the primary and unique keys of V1 serve
-- (aggregate stream by aggregate_identifier + sequence_number, tracking by global_index):
-- a token "at" an instant (replay from a date) looks events up by time_stamp.
CREATE INDEX domain_event_entry_time_stamp ON domain_event_entry (time_stamp);
