-- The Board's copy of every measure observation, from MeasureObservationsRecorded only; newest revision wins.
CREATE TABLE board.measure_observations (
    measure_code text NOT NULL,
    geography text NOT NULL,
    period_kind text NOT NULL,
    period_start date NOT NULL,
    value numeric NOT NULL,
    numerator numeric NULL,
    denominator numeric NULL,
    revision integer NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (measure_code, geography, period_kind, period_start)
);
