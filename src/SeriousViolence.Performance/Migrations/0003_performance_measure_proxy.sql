-- A measure may be only a proxy for what the strategy asks (its declaring strand says why), and its definition now has
-- a revision: it rises when the declaration changes what MeasureDefined announces, so the Board keeps the newest.
ALTER TABLE performance.measures ADD COLUMN proxy text NULL;
ALTER TABLE performance.measures ADD COLUMN revision bigint NOT NULL DEFAULT 1;
