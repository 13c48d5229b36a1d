-- What strand plugins contribute to the Board, still from messages only: which strand owns each measure
-- (MeasureDefined.OwnerStrandId; null for a measure no strand owns), so a withdrawn strand's measures stop showing,
-- and each strand's highlights (StrandHighlightsPublished), one row per strand because each message replaces the
-- strand's earlier highlights as a whole.
ALTER TABLE board.measures ADD COLUMN owner_strand text NULL;

CREATE TABLE board.strand_highlights (
    strand_id text PRIMARY KEY,
    revision bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    highlights jsonb NOT NULL
);
