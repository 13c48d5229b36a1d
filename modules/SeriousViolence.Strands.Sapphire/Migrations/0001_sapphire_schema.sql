-- The Sapphire strand owns the schema strand_sapphire. Its monthly Sapphire return is kept in the platform's return tables,
-- which the migration runner creates in this schema because the strand declares a return.
COMMENT ON SCHEMA strand_sapphire IS 'Sapphire strand (strand 2): monthly Sapphire returns';
