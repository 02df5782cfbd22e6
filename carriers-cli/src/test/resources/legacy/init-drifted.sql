-- An old init.sql that drifted from V1: serial id, shorter name, varchar MC number, no trigger.
CREATE TABLE carriers (
    id         SERIAL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    mc_number  VARCHAR(20) UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at TIMESTAMP WITH TIME ZONE,
    notes      TEXT
);
