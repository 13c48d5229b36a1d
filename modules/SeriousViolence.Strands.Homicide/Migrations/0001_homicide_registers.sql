-- The Homicide strand's own registers. Pseudonymous or aggregate only: an investigation is known by its operation name
-- (never a victim's or suspect's name), an FIU request by its number and the unit that answered it, a partnership
-- project by its name and the partner bodies from the strategy's list. Markings: 0 OFFICIAL, 1 OFFICIAL-SENSITIVE.

-- Investigations: one row per homicide investigation; its figures count in the financial quarter it opened.
CREATE TABLE strand_homicide.investigations (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'homicide' CHECK (strand_id = 'homicide'),
    operation_name text NOT NULL UNIQUE CHECK (operation_name ~ '^Operation [A-Z]' AND length(operation_name) <= 60),
    opened_on date NOT NULL,
    borough text NOT NULL CHECK (borough ~ '^E09[0-9]{6}$'),
    status text NOT NULL CHECK (status IN ('open', 'detected', 'closed')),
    detected_on date CHECK (detected_on >= opened_on),
    charged_on date CHECK (charged_on >= opened_on),
    outcome text CHECK (outcome IN ('convicted-murder', 'convicted-manslaughter', 'acquitted', 'other')),
    debriefed_on date CHECK (debriefed_on >= opened_on),
    marking integer NOT NULL DEFAULT 0 CHECK (marking IN (0, 1)),
    version bigint NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    -- A court outcome needs a charge (the form says so first; this is the last guard).
    CHECK (outcome IS NULL OR charged_on IS NOT NULL),
    CHECK (status <> 'detected' OR detected_on IS NOT NULL)
);

-- SCD1 Financial Investigation Unit requests: the deadline is fixed on receipt (48 h for a cash seizure, 24 h for
-- advice or assistance to an SIO/IO/MIT); the deadline job records when it warned and when it found a breach.
CREATE TABLE strand_homicide.fiu_requests (
    id uuid PRIMARY KEY,
    number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    strand_id text NOT NULL DEFAULT 'homicide' CHECK (strand_id = 'homicide'),
    request_type text NOT NULL CHECK (request_type IN ('cash-seizure', 'advice')),
    received_at timestamptz NOT NULL,
    deadline_at timestamptz NOT NULL CHECK (deadline_at > received_at),
    responded_at timestamptz CHECK (responded_at >= received_at),
    responded_by text CHECK (length(responded_by) BETWEEN 1 AND 100),
    warned_at timestamptz,
    breach_found_at timestamptz,
    marking integer NOT NULL DEFAULT 0 CHECK (marking IN (0, 1)),
    version bigint NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    CHECK ((responded_at IS NULL) = (responded_by IS NULL))
);

-- What the deadline job told the FIU lead: a warning before a deadline passes, or a breach once it has.
CREATE TABLE strand_homicide.fiu_warnings (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'homicide' CHECK (strand_id = 'homicide'),
    request_id uuid NOT NULL REFERENCES strand_homicide.fiu_requests (id),
    kind text NOT NULL CHECK (kind IN ('warning', 'breach')),
    addressed_to text NOT NULL,
    text text NOT NULL,
    deadline_at timestamptz NOT NULL,
    raised_at timestamptz NOT NULL,
    UNIQUE (request_id, kind)
);

-- Partnership projects the strand supports to reduce homicide in identified thematic groups.
CREATE TABLE strand_homicide.partnership_projects (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'homicide' CHECK (strand_id = 'homicide'),
    name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 3 AND 120),
    partners text[] NOT NULL CHECK (cardinality(partners) >= 1),
    objective text NOT NULL CHECK (length(objective) BETWEEN 1 AND 500),
    started_on date NOT NULL,
    status text NOT NULL CHECK (status IN ('proposed', 'active', 'completed', 'withdrawn')),
    evidence text NOT NULL DEFAULT '' CHECK (length(evidence) <= 1000),
    marking integer NOT NULL DEFAULT 0 CHECK (marking IN (0, 1)),
    version bigint NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);

-- Every observation the strand has published, with its revision, so that a change publishes only the figures it
-- moved, each at the next revision (bookkeeping: not audited).
CREATE TABLE strand_homicide.published_figures (
    measure_code text NOT NULL,
    geography text NOT NULL,
    period_kind text NOT NULL,
    period_start date NOT NULL,
    value numeric NOT NULL,
    numerator numeric,
    denominator numeric,
    revision integer NOT NULL CHECK (revision >= 1),
    published_at timestamptz NOT NULL,
    PRIMARY KEY (measure_code, geography, period_kind, period_start)
);

-- The revision of the strand's Board highlights (one row, rising with each publication).
CREATE TABLE strand_homicide.highlight_revisions (
    id integer PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL
);
