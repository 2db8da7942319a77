-- Axon's JDBC event store, token store and snapshot table, with the names of
-- org.ratification.ledger.api.config.AxonStorageConfiguration (PostgreSQL flavour).
-- Payloads are bytea, never large-object OIDs (which vacuum does not clean and lo_* tools need).
-- The global index comes from a dedicated sequence that hands out one value at a time.
CREATE SEQUENCE domain_event_entry_seq INCREMENT BY 1 CACHE 1;

CREATE TABLE domain_event_entry (
    global_index          BIGINT       NOT NULL DEFAULT nextval('domain_event_entry_seq') PRIMARY KEY,
    event_identifier      VARCHAR(255) NOT NULL,
    aggregate_identifier  VARCHAR(255) NOT NULL,
    sequence_number       BIGINT       NOT NULL,
    type                  VARCHAR(255),
    time_stamp            VARCHAR(255) NOT NULL,
    payload_type          VARCHAR(255) NOT NULL,
    payload_revision      VARCHAR(255),
    payload               BYTEA        NOT NULL,
    meta_data             BYTEA,
    CONSTRAINT domain_event_entry_event_id UNIQUE (event_identifier),
    CONSTRAINT domain_event_entry_aggregate_seq UNIQUE (aggregate_identifier, sequence_number)
);
ALTER SEQUENCE domain_event_entry_seq OWNED BY domain_event_entry.global_index;

CREATE TABLE snapshot_event_entry (
    aggregate_identifier  VARCHAR(255) NOT NULL,
    sequence_number       BIGINT       NOT NULL,
    type                  VARCHAR(255) NOT NULL,
    event_identifier      VARCHAR(255) NOT NULL,
    time_stamp            VARCHAR(255) NOT NULL,
    payload_type          VARCHAR(255) NOT NULL,
    payload_revision      VARCHAR(255),
    payload               BYTEA        NOT NULL,
    meta_data             BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_id UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name  VARCHAR(255) NOT NULL,
    segment         INTEGER      NOT NULL,
    token           BYTEA,
    token_type      VARCHAR(255),
    time_stamp      VARCHAR(255),
    owner           VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
