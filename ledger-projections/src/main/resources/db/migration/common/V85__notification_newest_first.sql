-- The public notifications page and the Atom feeds list notifications across treaties, the newest first.
CREATE INDEX notification_newest ON notification (cn_year, cn_number);
