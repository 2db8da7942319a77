-- Read model "notifications": the depositary notifications (C.N.s), one per action, with the facts
-- the projection needs to write them (each treaty's definition and its action records as they now
-- stand). notification_number is the journal of issued numbers: it is kept when the read model is
-- rebuilt, so a number once issued stays with its record and is never given to another.
CREATE TABLE notification_treaty (
    treaty_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    definition  VARCHAR     NOT NULL
);

CREATE TABLE notification_action (
    record_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    treaty_id        VARCHAR(64) NOT NULL,
    sequence_number  BIGINT      NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    participant      VARCHAR(8)  NOT NULL,
    legal_date       DATE        NOT NULL,
    instrument_type  VARCHAR(16),
    communication    VARCHAR(16),
    effective_on     DATE,
    retracted        BOOLEAN     NOT NULL
);

CREATE INDEX notification_action_treaty ON notification_action (treaty_id, sequence_number);

CREATE TABLE notification (
    record_id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    treaty_id            VARCHAR(64)  NOT NULL,
    reference            VARCHAR(300) NOT NULL,
    cn_year              INTEGER      NOT NULL,
    cn_number            INTEGER      NOT NULL,
    action_type          VARCHAR(32)  NOT NULL,
    participant          VARCHAR(8)   NOT NULL,
    legal_date           DATE         NOT NULL,
    recorded_at          VARCHAR(64)  NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    global_position      BIGINT,
    refers_to            VARCHAR(64),
    entry_into_force_on  DATE,
    subject              VARCHAR      NOT NULL,
    body                 VARCHAR      NOT NULL,
    CONSTRAINT notification_reference UNIQUE (reference),
    CONSTRAINT notification_year_number UNIQUE (cn_year, cn_number)
);

CREATE INDEX notification_treaty_order ON notification (treaty_id, sequence_number);

CREATE TABLE notification_number (
    record_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    cn_year    INTEGER     NOT NULL,
    cn_number  INTEGER     NOT NULL,
    CONSTRAINT notification_number_year_number UNIQUE (cn_year, cn_number)
);
