-- The Criminal Networks Prioritisation Matrix and the disruption ledger. A row is a NETWORK, never a person: there is
-- no column for a name, nickname, date of birth, address or image (the ICO's first finding about the MPS Gangs Matrix);
-- an architecture test scans these columns. Markings: 0 OFFICIAL, 1 OFFICIAL-SENSITIVE.
CREATE SEQUENCE strand_gangs_criminal_networks.network_reference_seq START 1;

CREATE TABLE strand_gangs_criminal_networks.networks (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'gangs-criminal-networks' CHECK (strand_id = 'gangs-criminal-networks'),
    reference text NOT NULL UNIQUE CHECK (reference ~ '^CN-[0-9]{4,}$'),
    network_type integer NOT NULL CHECK (network_type BETWEEN 0 AND 2),
    boroughs text[] NOT NULL CHECK (cardinality(boroughs) BETWEEN 1 AND 33),
    lead_unit text NOT NULL CHECK (length(lead_unit) BETWEEN 1 AND 120),
    status integer NOT NULL CHECK (status BETWEEN 0 AND 4),
    recorded_on date NOT NULL,
    review_due date NOT NULL,
    current_total integer NOT NULL CHECK (current_total BETWEEN 0 AND 25),
    current_tier integer NOT NULL CHECK (current_tier BETWEEN 1 AND 4),
    assessment_revision integer NOT NULL CHECK (assessment_revision >= 1),
    assessed_on date NOT NULL,
    note_revision integer NOT NULL DEFAULT 0,
    flagged_at timestamptz NULL,
    archived_at timestamptz NULL,
    archive_reason text NULL,
    removed_at timestamptz NULL,
    removed_by text NULL,
    removal_reason text NULL CHECK (removal_reason IS NULL OR length(removal_reason) BETWEEN 1 AND 300),
    marking integer NOT NULL DEFAULT 1 CHECK (marking IN (0, 1)),
    version bigint NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);

-- The one short free-text field (what the network does, in at most 500 characters, OFFICIAL-SENSITIVE). Kept apart
-- and not copied into the audit trail (which records only that it changed, and who changed it: networks.note_revision),
-- so that deleting a network at the end of its retention really deletes what was written about it.
CREATE TABLE strand_gangs_criminal_networks.network_notes (
    network_id uuid PRIMARY KEY REFERENCES strand_gangs_criminal_networks.networks (id) ON DELETE CASCADE,
    text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    marking integer NOT NULL DEFAULT 1 CHECK (marking = 1)
);

-- Every harm assessment on the matrix's five dimensions (0-5 each), kept as history: a reassessment is a new revision.
CREATE TABLE strand_gangs_criminal_networks.assessments (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'gangs-criminal-networks' CHECK (strand_id = 'gangs-criminal-networks'),
    network_id uuid NOT NULL REFERENCES strand_gangs_criminal_networks.networks (id) ON DELETE CASCADE,
    revision integer NOT NULL CHECK (revision >= 1),
    assessed_on date NOT NULL,
    violence integer NOT NULL CHECK (violence BETWEEN 0 AND 5),
    weapons integer NOT NULL CHECK (weapons BETWEEN 0 AND 5),
    drugs integer NOT NULL CHECK (drugs BETWEEN 0 AND 5),
    exploitation integer NOT NULL CHECK (exploitation BETWEEN 0 AND 5),
    community_impact integer NOT NULL CHECK (community_impact BETWEEN 0 AND 5),
    total integer NOT NULL CHECK (total BETWEEN 0 AND 25),
    tier integer NOT NULL CHECK (tier BETWEEN 1 AND 4),
    status integer NOT NULL CHECK (status BETWEEN 0 AND 4),
    marking integer NOT NULL DEFAULT 1 CHECK (marking IN (0, 1)),
    recorded_at timestamptz NOT NULL,
    recorded_by text NOT NULL,
    UNIQUE (network_id, revision)
);

-- The disruption ledger: what was done to a network, when, how much it hurt the network, under which RIPE heading.
CREATE TABLE strand_gangs_criminal_networks.disruptions (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'gangs-criminal-networks' CHECK (strand_id = 'gangs-criminal-networks'),
    network_id uuid NOT NULL REFERENCES strand_gangs_criminal_networks.networks (id) ON DELETE CASCADE,
    occurred_on date NOT NULL,
    disruption_type integer NOT NULL CHECK (disruption_type BETWEEN 0 AND 7),
    impact integer NOT NULL CHECK (impact BETWEEN 0 AND 2),
    ripe integer NOT NULL CHECK (ripe IN (1, 2, 4, 8)),
    firearms integer NOT NULL CHECK (firearms BETWEEN 0 AND 500),
    marking integer NOT NULL DEFAULT 1 CHECK (marking IN (0, 1)),
    recorded_at timestamptz NOT NULL,
    recorded_by text NOT NULL
);
CREATE INDEX ON strand_gangs_criminal_networks.disruptions (network_id, occurred_on);

-- Information-sharing agreements with partners: without a current one no partner export is made.
CREATE TABLE strand_gangs_criminal_networks.sharing_agreements (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'gangs-criminal-networks' CHECK (strand_id = 'gangs-criminal-networks'),
    partner text NOT NULL CHECK (length(partner) BETWEEN 1 AND 120),
    purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 300),
    legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 200),
    starts_on date NOT NULL,
    expires_on date NOT NULL CHECK (expires_on >= starts_on),
    marking integer NOT NULL DEFAULT 0 CHECK (marking IN (0, 1)),
    version bigint NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);

-- Every export, made or refused: to whom, for what, under which agreement, how many cells suppressed. Its creation is in
-- the audit trail with the actor.
CREATE TABLE strand_gangs_criminal_networks.exports (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'gangs-criminal-networks' CHECK (strand_id = 'gangs-criminal-networks'),
    kind text NOT NULL CHECK (kind IN ('partner-aggregate', 'register')),
    agreement_id uuid NULL,
    recipient text NOT NULL,
    purpose text NOT NULL,
    refused_because text NULL,
    rows integer NOT NULL,
    suppressed integer NOT NULL,
    marking integer NOT NULL CHECK (marking IN (0, 1)),
    exported_at timestamptz NOT NULL,
    exported_by text NOT NULL
);

-- What the retention job deleted and why: the reference and the counts, never what the records said.
CREATE TABLE strand_gangs_criminal_networks.retention_deletions (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'gangs-criminal-networks' CHECK (strand_id = 'gangs-criminal-networks'),
    reference text NOT NULL,
    reason text NOT NULL,
    assessments integer NOT NULL,
    disruptions integer NOT NULL,
    deleted_at timestamptz NOT NULL
);

-- The strand's one publication counter: every publication of its observations and highlights takes the next revision.
CREATE TABLE strand_gangs_criminal_networks.publications (
    id integer PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL
);
INSERT INTO strand_gangs_criminal_networks.publications (id, revision) VALUES (1, 0);
