-- Each outbox row names the module it is published for (a strand plugin's assembly), so that a strand's messages stop
-- when the strand leaves the configuration. NULL: the module that owns this schema.
ALTER TABLE platform.outbox_messages ADD COLUMN source_module text NULL;
