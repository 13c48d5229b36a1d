-- The Board pack issued for a monthly meeting (by the meeting-packs job ahead of the meeting, or on demand): the
-- meeting's agenda with the Board's picture as it stood when issued. Kept exactly as issued, like the quarter packs.
CREATE TABLE governance.meeting_packs (
    meeting_id uuid PRIMARY KEY REFERENCES governance.meetings (id),
    marking text NOT NULL,
    html text NOT NULL,
    pdf bytea NOT NULL,
    generated_at timestamptz NOT NULL,
    generated_by text NOT NULL
);

CREATE TRIGGER meeting_packs_never_change BEFORE UPDATE OR DELETE ON governance.meeting_packs
    FOR EACH ROW EXECUTE FUNCTION governance.refuse_change_to_quarter_record();
CREATE TRIGGER meeting_packs_never_truncated BEFORE TRUNCATE ON governance.meeting_packs
    FOR EACH STATEMENT EXECUTE FUNCTION governance.refuse_change_to_quarter_record();
