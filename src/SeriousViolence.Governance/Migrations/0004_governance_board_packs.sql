-- The Board pack issued for each quarter record, as HTML and as PDF, kept with the record so that the pack for a past
-- quarter is exactly what was issued. Never changed or deleted, like the record itself.
CREATE TABLE governance.board_packs (
    snapshot_id uuid PRIMARY KEY REFERENCES governance.quarter_snapshots (id),
    quarter text NOT NULL UNIQUE,
    marking text NOT NULL,
    html text NOT NULL,
    pdf bytea NOT NULL,
    generated_at timestamptz NOT NULL
);

CREATE TRIGGER board_packs_never_change BEFORE UPDATE OR DELETE ON governance.board_packs
    FOR EACH ROW EXECUTE FUNCTION governance.refuse_change_to_quarter_record();
CREATE TRIGGER board_packs_never_truncated BEFORE TRUNCATE ON governance.board_packs
    FOR EACH STATEMENT EXECUTE FUNCTION governance.refuse_change_to_quarter_record();
