-- The Jigsaw strand owns the schema strand_jigsaw. Its monthly MAPPA return is kept in the platform's return tables,
-- which the migration runner creates in this schema because the strand declares a return.
COMMENT ON SCHEMA strand_jigsaw IS 'Jigsaw strand (strand 1): monthly MAPPA returns';
