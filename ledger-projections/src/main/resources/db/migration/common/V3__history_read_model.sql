-- Read model "history": one row per event of a treaty, for auditors. Links between a correction or
-- retraction and the record it corrects are kept on the correcting row (corrects_record_id); the
-- corrected record's "correctedBy" list is derived from them when read.
CREATE TABLE history_record (
    record_id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    treaty_id           VARCHAR(64)   NOT NULL,
    sequence_number     BIGINT        NOT NULL,
    global_position     BIGINT,
    record_type         VARCHAR(32)   NOT NULL,
    event_type          VARCHAR(255)  NOT NULL,
    revision            VARCHAR(32),
    participant         VARCHAR(8),
    legal_date          DATE,
    recorded_at         VARCHAR(64),
    recorded_nanos     BIGINT,
    recorded_by         VARCHAR(255),
    corrects_record_id  VARCHAR(64),
    refers_to           VARCHAR(64),
    reason              VARCHAR,
    payload             VARCHAR       NOT NULL,
    metadata            VARCHAR       NOT NULL
);

CREATE UNIQUE INDEX history_record_chain ON history_record (treaty_id, sequence_number);
CREATE INDEX history_record_corrects ON history_record (corrects_record_id);
CREATE INDEX history_record_recorded ON history_record (treaty_id, recorded_nanos);
