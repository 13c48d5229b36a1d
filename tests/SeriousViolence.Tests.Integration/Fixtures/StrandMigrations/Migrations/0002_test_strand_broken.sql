-- A strand's second migration (test fixture) that fails half-way: nothing of it may remain.
CREATE TABLE strand_migration_test.half_made (id uuid PRIMARY KEY);
ALTER TABLE strand_migration_test.returns ADD COLUMN borough text NOT NUL;
