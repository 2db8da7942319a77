-- Read model "status": each treaty's definition and its action records as they now stand
-- (corrections applied, retractions flagged). Status on any date is computed from these rows.
CREATE TABLE status_treaty (
    treaty_id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    reference                VARCHAR(255) NOT NULL,
    title                    VARCHAR(1000) NOT NULL,
    adopted_on               DATE         NOT NULL,
    signature_opens_on       DATE         NOT NULL,
    signature_closes_on      DATE         NOT NULL,
    instruments_required     INTEGER      NOT NULL,
    days_after_threshold     INTEGER      NOT NULL,
    days_after_later         INTEGER      NOT NULL,
    reio_instruments_count   BOOLEAN      NOT NULL,
    denunciation_months      INTEGER      NOT NULL
);

CREATE TABLE status_record (
    record_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    treaty_id           VARCHAR(64)  NOT NULL,
    position            BIGINT       NOT NULL,
    kind                VARCHAR(16)  NOT NULL,
    participant         VARCHAR(8)   NOT NULL,
    legal_date          DATE         NOT NULL,
    instrument_type     VARCHAR(16),
    place               VARCHAR(255),
    declarations        VARCHAR,
    reservations        VARCHAR,
    communication_kind  VARCHAR(16),
    text                VARCHAR,
    refers_to           VARCHAR(64),
    effective_on        DATE,
    retracted           BOOLEAN      NOT NULL
);

CREATE INDEX status_record_treaty ON status_record (treaty_id, position);
