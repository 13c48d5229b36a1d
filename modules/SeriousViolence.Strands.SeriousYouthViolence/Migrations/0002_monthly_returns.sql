-- The strand's two monthly returns (the under-20 return and the Operation Blunt activity log) are kept in the
-- platform's return tables, which the migration runner creates in this schema because the strand declares returns;
-- they need no table of their own. Counts only, never about a young person.
COMMENT ON SCHEMA strand_serious_youth_violence IS 'Serious Youth Violence strand (strand 4): youth diversion schemes, monthly under-20 returns, Operation Blunt activity log';
