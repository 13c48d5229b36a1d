-- Why a measure is only a proxy (MeasureDefined.Proxy), so cards and tables label it and the agenda leaves its signals out.
ALTER TABLE board.measures ADD COLUMN proxy text NULL;
