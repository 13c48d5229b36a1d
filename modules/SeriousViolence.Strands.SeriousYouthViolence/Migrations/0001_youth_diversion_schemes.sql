-- The Serious Youth Violence strand's register of youth diversion and engagement schemes across the 32 London
-- boroughs (the Year 1 audit with partners): the scheme, its borough (GSS code), the partner organisation that runs
-- it, the ages it takes, its status and when it was last reviewed. About schemes, never about a young person.
-- Marking 0 OFFICIAL, 1 OFFICIAL-SENSITIVE; version for optimistic concurrency.
CREATE TABLE strand_serious_youth_violence.diversion_schemes (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'serious-youth-violence' CHECK (strand_id = 'serious-youth-violence'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    borough text NOT NULL CHECK (borough ~ '^E09[0-9]{6}$' AND borough <> 'E09000001'),
    partner text NOT NULL CHECK (length(partner) BETWEEN 1 AND 200),
    age_from integer NOT NULL CHECK (age_from BETWEEN 5 AND 25),
    age_to integer NOT NULL CHECK (age_to BETWEEN 5 AND 25),
    status text NOT NULL CHECK (status IN ('Planned', 'Active', 'Paused', 'Ended')),
    last_reviewed date NOT NULL,
    marking integer NOT NULL DEFAULT 0 CHECK (marking IN (0, 1)),
    version bigint NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    CHECK (age_from <= age_to)
);

-- One entry per scheme and borough: the same scheme entered twice would count twice in the audit.
CREATE UNIQUE INDEX diversion_schemes_borough_name ON strand_serious_youth_violence.diversion_schemes (borough, lower(name));

-- The highlights the strand's registers last published to its Board card, one row per highlight key (each register
-- publishes under its own source), so that a job re-reading a register publishes only when the picture changed.
CREATE TABLE strand_serious_youth_violence.board_highlights (
    key text PRIMARY KEY,
    body text NOT NULL,
    published_at timestamptz NOT NULL
);

-- Revisions of the strand's highlight publications, rising in commit order (writers hold the registers' lock).
CREATE SEQUENCE strand_serious_youth_violence.highlight_revisions;
