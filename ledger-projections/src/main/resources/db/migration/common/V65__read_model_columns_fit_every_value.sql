-- Every value an event can hold fits every column it is written to (issue 12): the notifications
-- read model kept the action kind, instrument type and communication kind in VARCHAR(16), shorter
-- than TERRITORIAL_APPLICATION (and AMENDMENT_INSTRUMENT), which stopped its processor. The widths
-- now match the status read model's (V40). A recorder is a token's principal claim, which has no
-- length of its own: the history keeps it whole.
ALTER TABLE notification_action ALTER COLUMN kind SET DATA TYPE VARCHAR(32);
ALTER TABLE notification_action ALTER COLUMN instrument_type SET DATA TYPE VARCHAR(32);
ALTER TABLE notification_action ALTER COLUMN communication SET DATA TYPE VARCHAR(32);
ALTER TABLE history_record ALTER COLUMN recorded_by SET DATA TYPE VARCHAR;
