-- The quarter record: what every strand, objective and measure stood at when the quarter locked. Never changed or
-- deleted (the trigger below refuses it, whoever asks); a correction after lock is a row in snapshot_revisions, with its
-- reason, which is itself never changed.
CREATE TABLE governance.quarter_snapshots (
    id uuid PRIMARY KEY,
    quarter text NOT NULL UNIQUE,
    taken_at timestamptz NOT NULL,
    taken_by text NOT NULL,
    content jsonb NOT NULL
);

CREATE TABLE governance.snapshot_revisions (
    id uuid PRIMARY KEY,
    snapshot_id uuid NOT NULL REFERENCES governance.quarter_snapshots (id),
    revision integer NOT NULL,
    reason text NOT NULL,
    recorded_at timestamptz NOT NULL,
    content jsonb NOT NULL,
    UNIQUE (snapshot_id, revision)
);

CREATE FUNCTION governance.refuse_change_to_quarter_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'governance.% is a quarter record: % refused. Record a revision with its reason instead.', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'P0001';
END
$$;

CREATE TRIGGER quarter_snapshots_never_change BEFORE UPDATE OR DELETE ON governance.quarter_snapshots
    FOR EACH ROW EXECUTE FUNCTION governance.refuse_change_to_quarter_record();
CREATE TRIGGER quarter_snapshots_never_truncated BEFORE TRUNCATE ON governance.quarter_snapshots
    FOR EACH STATEMENT EXECUTE FUNCTION governance.refuse_change_to_quarter_record();
CREATE TRIGGER snapshot_revisions_never_change BEFORE UPDATE OR DELETE ON governance.snapshot_revisions
    FOR EACH ROW EXECUTE FUNCTION governance.refuse_change_to_quarter_record();
CREATE TRIGGER snapshot_revisions_never_truncated BEFORE TRUNCATE ON governance.snapshot_revisions
    FOR EACH STATEMENT EXECUTE FUNCTION governance.refuse_change_to_quarter_record();
