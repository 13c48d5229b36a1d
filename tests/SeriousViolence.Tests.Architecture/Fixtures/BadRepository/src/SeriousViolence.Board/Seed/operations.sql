-- Seed data is cross-cutting strategy content: naming Alpha Watch and beta-team here is allowed.
INSERT INTO board.operations (name) VALUES ('Operation Alpha Watch');
