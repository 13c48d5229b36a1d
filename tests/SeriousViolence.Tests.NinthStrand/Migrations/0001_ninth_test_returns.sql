-- The test strand's own register: one aggregate return per borough and month (a count, never a person), with who
-- prepared it, its marking (0 OFFICIAL, 1 OFFICIAL-SENSITIVE) and a version for optimistic concurrency.
CREATE TABLE strand_ninth_test.test_returns (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'ninth-test' CHECK (strand_id = 'ninth-test'),
    borough text NOT NULL CHECK (borough ~ '^E09[0-9]{6}$'),
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    count integer NOT NULL CHECK (count >= 0),
    prepared_by text NOT NULL CHECK (length(prepared_by) BETWEEN 1 AND 200),
    marking integer NOT NULL DEFAULT 0 CHECK (marking IN (0, 1)),
    version bigint NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    UNIQUE (borough, month)
);

-- What the strand's own consumer observed of its own message (TestReturnRecorded): one row per return version.
CREATE TABLE strand_ninth_test.return_receipts (
    return_id uuid NOT NULL,
    version bigint NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (return_id, version)
);

-- What the strand's scheduled job found each time it ran.
CREATE TABLE strand_ninth_test.tallies (
    id uuid PRIMARY KEY,
    taken_at timestamptz NOT NULL,
    returns integer NOT NULL,
    boroughs integer NOT NULL
);
