-- Every index of a table a recording writes is written at the recording's commit (on H2 the pages of one more
-- map per index, bench/RESULTS.md §0h). history_record_id (V60) indexed the record id, by which a history row
-- was once replaced; since V60 a row is keyed by its place in its treaty's chain (the primary key) and no query
-- reads history_record by record id (the corrections of a page are found by corrects_record_id, its own index).
DROP INDEX history_record_id;
