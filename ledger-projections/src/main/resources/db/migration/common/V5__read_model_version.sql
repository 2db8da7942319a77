-- The version of each read model's schema and fold, as its projection declares it. When a
-- projection's declared version differs from the stored one, the service rebuilds that read model
-- from the event store before its processor starts.
CREATE TABLE read_model_version (
    name     VARCHAR(255) NOT NULL PRIMARY KEY,
    version  INTEGER      NOT NULL
);
