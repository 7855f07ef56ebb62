-- Requests done under an Idempotency-Key, with their answers, so that a repeat gets the same answer and writes
-- nothing. Stored in the transaction of the request's own writes; kept until expires_at, then purged in chunks
-- (oldest expiry first, on the expiry index). A key is per caller: the primary key is (scope, idempotency_key).
CREATE TABLE idempotency_keys (
    scope           text         NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    fingerprint     bytea        NOT NULL CONSTRAINT check_idempotency_fingerprint CHECK (length(fingerprint) = 32),
    status          smallint     NOT NULL,
    location        text,
    body            bytea        NOT NULL,
    created_at      timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (scope, idempotency_key),
    CONSTRAINT check_idempotency_expiry CHECK (expires_at > created_at)
);

CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);
