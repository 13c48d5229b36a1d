-- Schema performance: success measures, their observations (with every earlier revision kept), the places they are
-- measured for, the analyst-editable mapping from published offence categories to measures, and import batches.

CREATE TABLE performance.measures (
    code text PRIMARY KEY,
    name text NOT NULL,
    description text NOT NULL,
    strands text[] NOT NULL DEFAULT '{}',
    outcomes integer[] NOT NULL DEFAULT '{}',
    unit text NOT NULL CHECK (unit IN ('count', 'rate-per-1000', 'percentage', 'days')),
    numerator text NULL,
    denominator text NULL,
    polarity text NOT NULL CHECK (polarity IN ('higher-is-better', 'lower-is-better', 'neutral')),
    target_value numeric NULL,
    target_date date NULL,
    target_text text NULL,
    baseline text NULL,
    frequency text NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'annual')),
    geographies text[] NOT NULL,
    data_source text NOT NULL,
    marking text NOT NULL CHECK (marking IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
    source_text text NULL
);

-- London ('london'), its 33 local-authority areas (ONS GSS E09...), wards (E05...), and the MPS's pseudo-boroughs
-- (counted in London's total, shown in no borough view).
CREATE TABLE performance.geographies (
    code text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('london', 'borough', 'ward', 'pseudo-borough')),
    parent text NULL
);

-- Which published offence category feeds which measure. Data, not code: analysts edit it.
CREATE TABLE performance.category_mappings (
    id serial PRIMARY KEY,
    family text NOT NULL,
    major text NOT NULL,
    minor text NOT NULL,
    measure_code text NOT NULL REFERENCES performance.measures (code),
    UNIQUE (family, major, minor, measure_code)
);

CREATE TABLE performance.import_batches (
    id uuid PRIMARY KEY,
    file_name text NOT NULL,
    format text NULL,
    status text NOT NULL CHECK (status IN ('running', 'succeeded', 'rejected', 'failed')),
    started_at timestamptz NOT NULL,
    finished_at timestamptz NULL,
    started_by text NOT NULL,
    rows_read integer NOT NULL DEFAULT 0,
    observations_written integer NOT NULL DEFAULT 0,
    observations_revised integer NOT NULL DEFAULT 0,
    report jsonb NOT NULL DEFAULT '{}'
);

-- The current value of each measure for a period and place.
CREATE TABLE performance.observations (
    measure_code text NOT NULL REFERENCES performance.measures (code),
    period_start date NOT NULL,
    period_kind text NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
    geography text NOT NULL,
    value numeric NOT NULL,
    numerator numeric NULL,
    denominator numeric NULL,
    source text NOT NULL,
    batch_id uuid NULL REFERENCES performance.import_batches (id),
    revision integer NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (measure_code, period_kind, period_start, geography)
);
CREATE INDEX observations_geography ON performance.observations (geography, measure_code);

-- Every value an observation held before it was revised by a later import or submission.
CREATE TABLE performance.observation_revisions (
    measure_code text NOT NULL,
    period_start date NOT NULL,
    period_kind text NOT NULL,
    geography text NOT NULL,
    revision integer NOT NULL,
    value numeric NOT NULL,
    numerator numeric NULL,
    denominator numeric NULL,
    source text NOT NULL,
    batch_id uuid NULL,
    recorded_at timestamptz NOT NULL,
    superseded_at timestamptz NOT NULL,
    PRIMARY KEY (measure_code, period_kind, period_start, geography, revision)
);

CREATE TABLE performance.outbox_messages (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    message_type text NOT NULL,
    body jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    dispatched_at timestamptz NULL,
    attempts integer NOT NULL DEFAULT 0,
    last_error text NULL
);
CREATE INDEX outbox_messages_pending ON performance.outbox_messages (seq) WHERE dispatched_at IS NULL;
