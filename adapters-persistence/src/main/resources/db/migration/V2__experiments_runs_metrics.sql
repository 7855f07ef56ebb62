-- Experiment tracking (reference design: experiments → runs → metrics).

CREATE TABLE experiments (
    id          uuid         PRIMARY KEY,
    name        varchar(100) NOT NULL CONSTRAINT check_experiment_name CHECK (length(name) >= 1),
    owner       varchar(50)  NOT NULL CONSTRAINT check_experiment_owner CHECK (length(owner) >= 1),
    description text,
    status      varchar(20)  NOT NULL DEFAULT 'created'
        CONSTRAINT check_experiment_status CHECK (status IN ('created', 'running', 'completed', 'failed')),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    -- optimistic concurrency: every change increments it, and a change made from a stale read is refused
    version     bigint       NOT NULL DEFAULT 0
);
-- newest-first keyset pages, alone or by owner or by status
CREATE INDEX idx_experiments_created_at_id ON experiments (created_at DESC, id DESC);
CREATE INDEX idx_experiments_owner ON experiments (owner, created_at DESC, id DESC);
CREATE INDEX idx_experiments_status ON experiments (status, created_at DESC, id DESC);

CREATE TABLE runs (
    id            uuid        PRIMARY KEY,
    experiment_id uuid        NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    status        varchar(20) NOT NULL DEFAULT 'running'
        CONSTRAINT check_run_status CHECK (status IN ('running', 'completed', 'failed')),
    started_at    timestamptz NOT NULL DEFAULT now(),
    ended_at      timestamptz,
    seed          integer,
    CONSTRAINT check_run_ended CHECK ((status = 'running') = (ended_at IS NULL))
);
-- an experiment's runs in start order, its run count, and the cascade
CREATE INDEX idx_runs_experiment ON runs (experiment_id, started_at, id);

CREATE TABLE metrics (
    id        uuid             PRIMARY KEY,
    run_id    uuid             NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name      varchar(50)      NOT NULL CONSTRAINT check_metric_name CHECK (length(name) >= 1),
    step      integer          NOT NULL CONSTRAINT check_metric_step CHECK (step >= 0),
    value     double precision NOT NULL
        CONSTRAINT check_metric_value CHECK (value NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)),
    timestamp timestamptz      NOT NULL DEFAULT now(),
    -- one value per name and step; history pages, latest values and the cascade
    CONSTRAINT uq_metrics_run_name_step UNIQUE (run_id, name, step)
);
