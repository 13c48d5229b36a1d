-- Measures are declared by the strand plugins that own them: the owner, and whether a loaded plugin still declares it.
-- The outbox row names the module it is published for, so that a strand's messages stop when it leaves the configuration.
ALTER TABLE performance.outbox_messages ADD COLUMN source_module text NULL;
ALTER TABLE performance.measures ADD COLUMN owner_strand text NULL;
ALTER TABLE performance.measures ADD COLUMN owner_module text NULL;
ALTER TABLE performance.measures ADD COLUMN declared boolean NOT NULL DEFAULT true;

-- Observations a strand publishes from its own records arrive as messages; each is kept once.
CREATE TABLE performance.processed_messages (
    message_id uuid PRIMARY KEY,
    consumer text NOT NULL,
    processed_at timestamptz NOT NULL
);
