-- Schema platform: the registry of strands this deployment runs, and the platform's outbox.
CREATE TABLE platform.strands (
    id text PRIMARY KEY,
    number integer NOT NULL,
    name text NOT NULL,
    operation text NOT NULL,
    lead_role text NOT NULL,
    aim text NOT NULL,
    page_path text NOT NULL,
    assembly text NOT NULL,
    enabled boolean NOT NULL,
    revision bigint NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE platform.outbox_messages (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    message_type text NOT NULL,
    body jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    dispatched_at timestamptz NULL,
    attempts integer NOT NULL DEFAULT 0,
    last_error text NULL
);

CREATE INDEX outbox_messages_pending ON platform.outbox_messages (seq) WHERE dispatched_at IS NULL;
