-- Authentication: API tokens (only the SHA-256 of each secret is kept), and who made each logged request, for
-- the audit trail and for filtering requests' predictions by principal.

CREATE TABLE api_tokens (
    id          uuid        PRIMARY KEY,
    name        varchar(50) NOT NULL CONSTRAINT check_api_token_name CHECK (length(name) >= 1),
    role        varchar(10) NOT NULL
        CONSTRAINT check_api_token_role CHECK (role IN ('reader', 'scorer', 'tracker', 'admin')),
    secret_hash char(64)    NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz,
    revoked_at  timestamptz
);
-- every authenticated request (when its token is not cached) looks its token up by the hash of its secret
CREATE UNIQUE INDEX idx_api_tokens_secret_hash ON api_tokens (secret_hash);
-- a name is the principal its requests act as: one live token per name; a revoked token's name may be reused
CREATE UNIQUE INDEX idx_api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL;

-- the principal (token name or identity-provider subject) and the role a request acted in; null when anonymous.
-- A prediction's principal is its request's: lists and analytics filtered by principal join through this index.
ALTER TABLE api_requests ADD COLUMN principal varchar(200), ADD COLUMN role varchar(10);
CREATE INDEX idx_api_requests_principal ON api_requests (principal, created_at) WHERE principal IS NOT NULL;
