-- What the dashboard needs beyond counts, still from messages only: who and which partners and boroughs an objective
-- involves (RipeActionUpdated), each objective's submitted update per quarter (QuarterlyUpdateSubmitted), the
-- strategy's shared content (StrategyAnnounced) and every measure's definition (MeasureDefined).
ALTER TABLE board.objectives
    ADD COLUMN owner text NULL,
    ADD COLUMN partners text[] NOT NULL DEFAULT '{}',
    ADD COLUMN boroughs text[] NOT NULL DEFAULT '{}';
CREATE INDEX objectives_status ON board.objectives (status);

-- One row per objective and quarter: the latest revision of the update submitted for it.
CREATE TABLE board.objective_updates (
    objective_id uuid NOT NULL,
    quarter text NOT NULL,
    strand_id text NOT NULL,
    revision integer NOT NULL,
    carried_forward boolean NOT NULL,
    rag text NULL,
    percent_complete integer NOT NULL,
    narrative text NOT NULL,
    submitted_by text NOT NULL,
    submitted_at timestamptz NOT NULL,
    PRIMARY KEY (objective_id, quarter)
);

-- The strategy's aim, key outcomes, themes, partners, operations and borough sets, as one document (one row).
CREATE TABLE board.strategy (
    id integer PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    content jsonb NOT NULL
);

CREATE TABLE board.measures (
    measure_code text PRIMARY KEY,
    revision bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    name text NOT NULL,
    unit text NOT NULL,
    polarity text NOT NULL,
    frequency text NOT NULL,
    target_value numeric NULL,
    target_text text NULL,
    key_outcomes integer[] NOT NULL,
    strand_ids text[] NOT NULL
);
