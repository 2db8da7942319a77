-- issue 12 §2 / issue 13: a history row is keyed by its event's place in the treaty's stream
-- (treaty and sequence number, unique in the event store), no longer by record id, so two events
-- that carried the same record id can never overwrite each other's row. The rows are carried over
-- as they are; the history read model's version is raised with this change, so the service
-- rebuilds it from the event store at its next start (restoring any row that was overwritten).
CREATE TABLE history_record_by_position (
    record_id           VARCHAR(64)   NOT NULL,
    treaty_id           VARCHAR(64)   NOT NULL,
    sequence_number     BIGINT        NOT NULL,
    global_position     BIGINT,
    record_type         VARCHAR(32)   NOT NULL,
    event_type          VARCHAR(255)  NOT NULL,
    revision            VARCHAR(32),
    participant         VARCHAR(8),
    legal_date          DATE,
    recorded_at         VARCHAR(64),
    recorded_nanos      BIGINT,
    recorded_by         VARCHAR(255),
    corrects_record_id  VARCHAR(64),
    refers_to           VARCHAR(64),
    reason              VARCHAR,
    payload             VARCHAR       NOT NULL,
    metadata            VARCHAR       NOT NULL,
    PRIMARY KEY (treaty_id, sequence_number)
);

INSERT INTO history_record_by_position (record_id, treaty_id, sequence_number, global_position, record_type,
        event_type, revision, participant, legal_date, recorded_at, recorded_nanos, recorded_by,
        corrects_record_id, refers_to, reason, payload, metadata)
    SELECT record_id, treaty_id, sequence_number, global_position, record_type, event_type, revision,
        participant, legal_date, recorded_at, recorded_nanos, recorded_by, corrects_record_id, refers_to,
        reason, payload, metadata
    FROM history_record;

DROP TABLE history_record;
ALTER TABLE history_record_by_position RENAME TO history_record;

CREATE INDEX history_record_id ON history_record (record_id);
CREATE INDEX history_record_corrects ON history_record (corrects_record_id);
CREATE INDEX history_record_recorded ON history_record (treaty_id, recorded_nanos);
