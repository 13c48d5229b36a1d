-- The GBH strand owns the schema strand_gbh. Its monthly GBH return is kept in the platform's return tables, which the
-- migration runner creates in this schema because the strand declares a return; the strand has no other table yet.
COMMENT ON SCHEMA strand_gbh IS 'GBH strand (strand 7): monthly GBH returns (investigations reviewed against the SOP, detections)';
