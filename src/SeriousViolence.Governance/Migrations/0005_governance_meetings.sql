-- The Board's monthly meetings: who attended, the agenda (generated from the exceptions and the open actions arising,
-- then edited), the decisions and the actions arising, each assigned to a strand with a due date.
CREATE TABLE governance.meetings (
    id uuid PRIMARY KEY,
    held_on date NOT NULL,
    title text NOT NULL,
    attendees text[] NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    version integer NOT NULL
);

CREATE TABLE governance.agenda_items (
    id uuid PRIMARY KEY,
    meeting_id uuid NOT NULL REFERENCES governance.meetings (id) ON DELETE CASCADE,
    position integer NOT NULL,
    kind text NOT NULL CHECK (kind IN ('exception', 'action-arising', 'other')),
    title text NOT NULL,
    detail text NOT NULL,
    strand_id text NULL,
    action_id uuid NULL
);
CREATE INDEX agenda_items_meeting ON governance.agenda_items (meeting_id, position);

CREATE TABLE governance.decisions (
    id uuid PRIMARY KEY,
    meeting_id uuid NOT NULL REFERENCES governance.meetings (id) ON DELETE CASCADE,
    text text NOT NULL,
    recorded_at timestamptz NOT NULL,
    recorded_by text NOT NULL
);

-- An action arising is the strand's to update, like an objective; its status returns to the next meeting's agenda.
CREATE TABLE governance.actions_arising (
    id uuid PRIMARY KEY,
    meeting_id uuid NOT NULL REFERENCES governance.meetings (id),
    strand_id text NOT NULL,
    text text NOT NULL,
    due_on date NOT NULL,
    status text NOT NULL CHECK (status IN ('Open', 'InProgress', 'Done', 'Dropped')),
    progress text NOT NULL,
    raised_at timestamptz NOT NULL,
    raised_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    version integer NOT NULL
);
CREATE INDEX actions_arising_strand ON governance.actions_arising (strand_id, status);
