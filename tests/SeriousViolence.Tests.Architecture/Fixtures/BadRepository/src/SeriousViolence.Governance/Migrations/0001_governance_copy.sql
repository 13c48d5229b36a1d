-- Copies board.strands once (a comment: not reported).
CREATE TABLE governance.people (id text PRIMARY KEY);
INSERT INTO governance.people SELECT id FROM security.users;
