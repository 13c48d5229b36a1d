-- The Domestic Violence and Hate Crime strand owns the schema strand_dv_hate_crime. Its monthly Community Safety Unit return is kept in the platform's return tables,
-- which the migration runner creates in this schema because the strand declares a return.
COMMENT ON SCHEMA strand_dv_hate_crime IS 'Domestic Violence and Hate Crime strand (strand 3): monthly Community Safety Unit returns';
