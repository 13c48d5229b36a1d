-- Schema governance: the quarterly cycle, its notifications and the log of what scheduled jobs did.

-- One row per financial quarter the cycle has reached: in-progress (the quarter is running), open (its reporting
-- window is open), locked (the deadline passed; later submissions are marked late). Dates are fixed when the row is
-- created, from configuration, so changing the configuration later does not move a quarter already under way.
CREATE TABLE governance.quarters (
    quarter text PRIMARY KEY,                 -- "2026/27 Q1"
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    window_opens_at timestamptz NOT NULL,
    deadline_at timestamptz NOT NULL,
    reminder_offsets_days integer[] NOT NULL,
    state text NOT NULL CHECK (state IN ('in-progress', 'open', 'locked')),
    opened_at timestamptz NULL,
    locked_at timestamptz NULL,
    snapshot_id uuid NULL
);

-- Every quarterly submission the strands made, from QuarterlyUpdateSubmitted messages (never from plans.*).
CREATE TABLE governance.submissions (
    quarter text NOT NULL,
    strand_id text NOT NULL,
    revision bigint NOT NULL,
    submitted_by text NOT NULL,
    submitted_at timestamptz NOT NULL,
    objectives_updated integer NOT NULL,
    objectives_carried_forward integer NOT NULL,
    late boolean NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (quarter, strand_id, revision)
);

-- Which reminder went to which strand for which quarter: sent once, even if the job runs twice or on two instances.
CREATE TABLE governance.reminders (
    quarter text NOT NULL,
    strand_id text NOT NULL,
    offset_days integer NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('sent', 'skipped')),
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (quarter, strand_id, offset_days)
);

-- In-app notifications: the bell. One row per recipient.
CREATE TABLE governance.notifications (
    id uuid PRIMARY KEY,
    recipient_id text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    link text NULL,
    created_at timestamptz NOT NULL,
    read_at timestamptz NULL
);
CREATE INDEX notifications_unread ON governance.notifications (recipient_id, created_at) WHERE read_at IS NULL;

-- E-mail waiting to be sent, written in the same transaction as the event it reports; the dispatcher sends it and
-- stamps sent_at, so a mail server that is down delays mail but loses none.
CREATE TABLE governance.email_outbox (
    id uuid PRIMARY KEY,
    seq bigserial NOT NULL,
    recipient_email text NOT NULL,
    recipient_name text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at timestamptz NULL,
    attempts integer NOT NULL DEFAULT 0,
    last_error text NULL,
    next_attempt_at timestamptz NOT NULL
);
CREATE INDEX email_outbox_pending ON governance.email_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- What each scheduled job did, one row per run, written by the job itself: the operations view reads it.
CREATE TABLE governance.job_runs (
    id uuid PRIMARY KEY,
    job_name text NOT NULL,
    instance_id text NOT NULL,
    scheduled_for timestamptz NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    succeeded boolean NOT NULL,
    manual boolean NOT NULL,
    summary text NOT NULL
);
CREATE INDEX job_runs_job ON governance.job_runs (job_name, started_at DESC);

-- The inbox that keeps consumers idempotent under at-least-once delivery.
CREATE TABLE governance.processed_messages (
    message_id uuid PRIMARY KEY,
    consumer text NOT NULL,
    processed_at timestamptz NOT NULL
);
