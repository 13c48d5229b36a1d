-- The Child Abuse strand's serious case review recommendations tracker: one row per recommendation, identified by the
-- review it came from (a review reference such as "SCR 2025/07", never a child's name), with its owner (a unit or
-- role), the financial quarter it is due in ("2026/27 Q3", as the action plans write it, with that quarter's last day
-- for ordering and the overdue rule), its status and the evidence that closes it. Marking 0 OFFICIAL, 1
-- OFFICIAL-SENSITIVE; version for optimistic concurrency.
CREATE TABLE strand_child_abuse.case_review_recommendations (
    id uuid PRIMARY KEY,
    strand_id text NOT NULL DEFAULT 'child-abuse' CHECK (strand_id = 'child-abuse'),
    source_review text NOT NULL CHECK (length(source_review) BETWEEN 1 AND 80),
    recommendation_text text NOT NULL CHECK (length(recommendation_text) BETWEEN 1 AND 2000),
    owner text NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
    due_quarter text NOT NULL CHECK (due_quarter ~ '^[0-9]{4}/[0-9]{2} Q[1-4]$'),
    due_by date NOT NULL,
    status text NOT NULL CHECK (status IN ('Open', 'InProgress', 'Implemented', 'Closed')),
    evidence text NOT NULL DEFAULT '' CHECK (length(evidence) <= 4000),
    marking integer NOT NULL DEFAULT 0 CHECK (marking IN (0, 1)),
    version bigint NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    -- Implemented and closed need their evidence (the form says so first; this keeps the rule true for any writer).
    CHECK (status IN ('Open', 'InProgress') OR length(evidence) > 0)
);

CREATE INDEX case_review_recommendations_due ON strand_child_abuse.case_review_recommendations (due_by, status);

-- The highlights the strand's registers last published to its Board card, one row per highlight key (each register
-- publishes under its own source), so that a job re-reading a register publishes only when the picture changed.
CREATE TABLE strand_child_abuse.board_highlights (
    key text PRIMARY KEY,
    body text NOT NULL,
    published_at timestamptz NOT NULL
);

-- Revisions of the strand's highlight publications, rising in commit order (writers hold the registers' lock).
CREATE SEQUENCE strand_child_abuse.highlight_revisions;
