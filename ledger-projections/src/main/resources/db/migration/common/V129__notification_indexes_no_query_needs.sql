-- Every index is rewritten at each commit of the notifications processor (on H2 a page per index and commit).
-- notification_newest (V85) repeated the index of the constraint notification_year_number on the same columns
-- (cn_year, cn_number), which serves the newest-first listing as well; the unique reference followed from the
-- unique (cn_year, cn_number), the reference being made of them, and no query looks a notification up by it.
DROP INDEX notification_newest;
ALTER TABLE notification DROP CONSTRAINT notification_reference;
