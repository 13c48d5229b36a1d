-- The audit trail: append-only, every record chained to the one before by a SHA-256 hash.
-- The chain is computed here, in a BEFORE INSERT trigger, so that every writer (EF contexts, plain SQL) gets it in its
-- own transaction; an advisory lock held to commit makes the chain a single line. The verifier (verify-audit)
-- recomputes each hash from the row's own fields and checks each link and that seq has no gap.
CREATE TABLE platform.audit_records (
    id uuid PRIMARY KEY,
    seq bigint NOT NULL UNIQUE,
    at timestamptz NOT NULL,
    actor_id text NOT NULL,
    actor_name text NOT NULL,
    kind text NOT NULL,
    entity text NOT NULL DEFAULT '',
    entity_id text NOT NULL DEFAULT '',
    strand_id text NULL,
    summary text NOT NULL DEFAULT '',
    before jsonb NULL,
    after jsonb NULL,
    marking text NOT NULL DEFAULT 'OFFICIAL',
    prev_hash text NOT NULL,
    hash text NOT NULL
);

CREATE INDEX audit_records_at ON platform.audit_records (at);
CREATE INDEX audit_records_actor ON platform.audit_records (actor_id);
CREATE INDEX audit_records_kind ON platform.audit_records (kind);

-- What is hashed: every field but the hash itself, in a fixed order, in forms that do not depend on the session
-- (time as microseconds since the epoch; jsonb's own normalised text).
CREATE FUNCTION platform.audit_payload(r platform.audit_records) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT concat_ws(chr(31),
        r.seq::text, r.id::text, ((extract(epoch FROM r.at) * 1000000)::bigint)::text,
        r.actor_id, r.actor_name, r.kind, r.entity, r.entity_id, coalesce(r.strand_id, ''), r.summary,
        coalesce(r.before::text, ''), coalesce(r.after::text, ''), r.marking, r.prev_hash)
$$;

CREATE FUNCTION platform.audit_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last_seq bigint;
    last_hash text;
BEGIN
    PERFORM pg_advisory_xact_lock(73110002);
    SELECT seq, hash INTO last_seq, last_hash FROM platform.audit_records ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.hash := '';
    NEW.hash := encode(sha256(convert_to(platform.audit_payload(NEW), 'UTF8')), 'hex');
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_records_chain BEFORE INSERT ON platform.audit_records
    FOR EACH ROW EXECUTE FUNCTION platform.audit_chain();

CREATE FUNCTION platform.audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'platform.audit_records is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER audit_records_no_update BEFORE UPDATE OR DELETE ON platform.audit_records
    FOR EACH ROW EXECUTE FUNCTION platform.audit_append_only();
CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON platform.audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION platform.audit_append_only();
