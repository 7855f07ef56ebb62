-- The request log and the predictions it produced (reference design: api_requests + predictions),
-- plus the per-hour and per-day roll-ups that keep analytics independent of the table sizes.

CREATE TABLE api_requests (
    id               uuid         PRIMARY KEY,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    endpoint         varchar(200) NOT NULL,
    method           varchar(10)  NOT NULL,
    request_data     jsonb        NOT NULL,
    client_ip        varchar(45),
    user_agent       varchar(1000),
    http_status      integer      NOT NULL CONSTRAINT check_http_status CHECK (http_status BETWEEN 100 AND 599),
    response_time_ms integer      CONSTRAINT check_response_time CHECK (response_time_ms >= 0)
);
-- retention deletes the oldest entries first
CREATE INDEX idx_api_requests_created_at ON api_requests (created_at);

CREATE TABLE predictions (
    id                uuid             PRIMARY KEY,
    request_id        uuid             NOT NULL REFERENCES api_requests (id) ON DELETE CASCADE,
    created_at        timestamptz      NOT NULL DEFAULT now(),
    prediction_date   timestamptz      NOT NULL,
    employee_id       varchar(50),
    attrition_prob    double precision NOT NULL
        CONSTRAINT check_attrition_prob_range CHECK (attrition_prob >= 0 AND attrition_prob <= 1),
    risk_level        varchar(10)      NOT NULL
        CONSTRAINT check_risk_level_values CHECK (risk_level IN ('LOW', 'MEDIUM', 'HIGH')),
    model_version     varchar(50)      NOT NULL,
    features_snapshot jsonb
);
-- newest-first keyset pages (any filter), high-risk lists, and the partial-hour edges of analytics ranges
CREATE INDEX idx_predictions_created_at_id ON predictions (created_at DESC, id DESC);
-- GET /requests/{id} and the cascade from api_requests
CREATE INDEX idx_predictions_request_id ON predictions (request_id);
-- one employee's history, newest first
CREATE INDEX idx_predictions_employee_id ON predictions (employee_id, created_at DESC, id DESC)
    WHERE employee_id IS NOT NULL;

-- Roll-ups, maintained in the transaction that writes (or purges) predictions. Each writer adds to the row
-- of its own shard (its database session's pid modulo 8), so concurrent writers rarely wait for each other;
-- readers sum the shards.
CREATE TABLE prediction_stats_hourly (
    bucket           timestamptz      NOT NULL,
    model_version    varchar(50)      NOT NULL,
    risk_level       varchar(10)      NOT NULL,
    shard            smallint         NOT NULL,
    prediction_count bigint           NOT NULL,
    prob_sum         double precision NOT NULL,
    PRIMARY KEY (bucket, model_version, risk_level, shard)
) WITH (fillfactor = 50);

CREATE TABLE prediction_stats_daily (
    bucket           timestamptz      NOT NULL,
    model_version    varchar(50)      NOT NULL,
    risk_level       varchar(10)      NOT NULL,
    shard            smallint         NOT NULL,
    prediction_count bigint           NOT NULL,
    prob_sum         double precision NOT NULL,
    PRIMARY KEY (bucket, model_version, risk_level, shard)
) WITH (fillfactor = 50);
