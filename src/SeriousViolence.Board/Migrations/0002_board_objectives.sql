-- The Board's picture of every strand's action plan, from RipeActionUpdated and QuarterlyUpdateSubmitted only.
CREATE TABLE board.objectives (
    objective_id uuid PRIMARY KEY,
    strand_id text NOT NULL,
    revision bigint NOT NULL,
    ripe text[] NOT NULL,
    years integer[] NOT NULL,
    status text NOT NULL,
    rag text NULL,
    percent_complete integer NOT NULL,
    themes text[] NOT NULL,
    text text NOT NULL,
    due_quarter text NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE INDEX objectives_strand ON board.objectives (strand_id);

CREATE TABLE board.quarterly_submissions (
    strand_id text NOT NULL,
    quarter text NOT NULL,
    revision bigint NOT NULL,
    objectives_updated integer NOT NULL,
    objectives_carried_forward integer NOT NULL,
    submitted_by text NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (strand_id, quarter)
);
