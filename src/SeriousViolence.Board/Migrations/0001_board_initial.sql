-- Schema board: the Board's picture of the strands, built from StrandAnnounced / StrandWithdrawn messages only.
CREATE TABLE board.strands (
    strand_id text PRIMARY KEY,
    number integer NOT NULL,
    name text NOT NULL,
    operation text NOT NULL,
    lead_role text NOT NULL,
    aim text NOT NULL,
    page_path text NOT NULL,
    revision bigint NOT NULL,
    withdrawn boolean NOT NULL,
    last_message_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);

-- Every announcement received, once per message id: the Board's log of what reached it.
CREATE TABLE board.announcements (
    message_id uuid PRIMARY KEY,
    strand_id text NOT NULL,
    kind text NOT NULL,
    revision bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE INDEX announcements_strand ON board.announcements (strand_id, received_at);

-- The inbox that keeps consumers idempotent under at-least-once delivery.
CREATE TABLE board.processed_messages (
    message_id uuid PRIMARY KEY,
    consumer text NOT NULL,
    processed_at timestamptz NOT NULL
);
