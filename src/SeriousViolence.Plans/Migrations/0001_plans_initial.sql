-- Schema plans: the strategy as living data. Objectives (RIPE actions) per strand, their quarterly updates (never
-- edited in place: a correction is a new revision), quarterly submissions, the strategy's reference lists and the
-- operations register.

CREATE TABLE plans.objectives (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL,
    seed_key text NULL UNIQUE,
    ripe integer NOT NULL CHECK (ripe BETWEEN 1 AND 15),
    years integer NOT NULL CHECK (years BETWEEN 0 AND 3),
    text text NOT NULL CHECK (length(btrim(text)) > 0),
    context text NULL,
    year_as_written text NULL,
    owner text NULL,
    partners text[] NOT NULL DEFAULT '{}',
    themes text[] NOT NULL DEFAULT '{}',
    boroughs text[] NOT NULL DEFAULT '{}',
    target_value numeric NULL,
    target_unit text NULL,
    target_text text NULL,
    due_quarter text NULL,
    status text NOT NULL,
    rag text NULL,
    percent_complete integer NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
    source_line integer NULL,
    revision bigint NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);
CREATE INDEX objectives_strand ON plans.objectives (strand_id);

-- Every revision of every objective as it was saved: the history, and what a refused concurrent save is shown.
CREATE TABLE plans.objective_history (
    objective_id uuid NOT NULL REFERENCES plans.objectives (id) ON DELETE CASCADE,
    revision bigint NOT NULL,
    snapshot jsonb NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (objective_id, revision)
);

CREATE TABLE plans.milestones (
    id uuid PRIMARY KEY,
    objective_id uuid NOT NULL REFERENCES plans.objectives (id) ON DELETE CASCADE,
    position integer NOT NULL,
    title text NOT NULL,
    due_date date NULL,
    done boolean NOT NULL DEFAULT false
);
CREATE INDEX milestones_objective ON plans.milestones (objective_id, position);

-- The lead's working notes for the open quarter, one per objective, before the quarter is submitted.
CREATE TABLE plans.quarterly_drafts (
    objective_id uuid NOT NULL REFERENCES plans.objectives (id) ON DELETE CASCADE,
    quarter text NOT NULL,
    carried_forward boolean NOT NULL,
    status text NOT NULL,
    rag text NULL,
    percent_complete integer NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
    narrative text NOT NULL DEFAULT '',
    evidence_links text[] NOT NULL DEFAULT '{}',
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (objective_id, quarter)
);

-- Submitted updates. Append-only: a correction is a new row with the next revision and a reason.
CREATE TABLE plans.quarterly_updates (
    id uuid PRIMARY KEY,
    objective_id uuid NOT NULL REFERENCES plans.objectives (id),
    strand_id text NOT NULL,
    quarter text NOT NULL,
    revision integer NOT NULL,
    carried_forward boolean NOT NULL,
    rag text NULL,
    percent_complete integer NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
    narrative text NOT NULL,
    evidence_links text[] NOT NULL DEFAULT '{}',
    correction_reason text NULL,
    submitted_by text NOT NULL,
    submitted_at timestamptz NOT NULL,
    UNIQUE (objective_id, quarter, revision)
);

CREATE TABLE plans.quarterly_submissions (
    strand_id text NOT NULL,
    quarter text NOT NULL,
    revision integer NOT NULL,
    objectives_updated integer NOT NULL,
    objectives_carried_forward integer NOT NULL,
    submitted_by text NOT NULL,
    submitted_at timestamptz NOT NULL,
    PRIMARY KEY (strand_id, quarter, revision)
);

-- Which seed versions have been applied, per strand ('strategy' for the strategy-wide content).
CREATE TABLE plans.seed_versions (
    scope text NOT NULL,
    version integer NOT NULL,
    applied_at timestamptz NOT NULL,
    items_added integer NOT NULL,
    PRIMARY KEY (scope, version)
);

CREATE TABLE plans.strategy (
    id integer PRIMARY KEY CHECK (id = 1),
    aim text NOT NULL,
    board text NOT NULL,
    board_chairs text[] NOT NULL,
    board_meets text NOT NULL,
    victims_code text NULL
);

CREATE TABLE plans.key_outcomes (number integer PRIMARY KEY, text text NOT NULL);

CREATE TABLE plans.themes (
    code text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL,
    description text NOT NULL
);

CREATE TABLE plans.enablers (number integer PRIMARY KEY, text text NOT NULL);

CREATE TABLE plans.partners (
    position integer PRIMARY KEY,
    name text NOT NULL,
    full_name text NULL
);

CREATE TABLE plans.operations (
    code text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL,
    description text NOT NULL,
    strands text[] NOT NULL DEFAULT '{}',
    boroughs text[] NOT NULL DEFAULT '{}',
    wards text[] NOT NULL DEFAULT '{}',
    partners text[] NOT NULL DEFAULT '{}',
    start_date text NULL,
    end_date text NULL,
    phases jsonb NOT NULL DEFAULT '[]',
    results jsonb NOT NULL DEFAULT '[]',
    sources jsonb NOT NULL DEFAULT '[]',
    revision bigint NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);

CREATE TABLE plans.borough_sets (
    code text PRIMARY KEY,
    name text NOT NULL,
    description text NOT NULL,
    stated_count integer NULL,
    boroughs text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE plans.outbox_messages (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    message_type text NOT NULL,
    body jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    dispatched_at timestamptz NULL,
    attempts integer NOT NULL DEFAULT 0,
    last_error text NULL
);
CREATE INDEX outbox_messages_pending ON plans.outbox_messages (seq) WHERE dispatched_at IS NULL;
