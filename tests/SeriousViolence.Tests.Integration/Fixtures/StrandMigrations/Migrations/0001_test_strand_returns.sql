-- A strand's first migration (test fixture): one table of its own.
CREATE TABLE strand_migration_test.returns (id uuid PRIMARY KEY, month date NOT NULL, count integer NOT NULL);
