-- Targets with history, and how an indicator accumulates. Mirrors sql/sqlserver/0010_target_history.sql
-- column for column.

-- Every version of every target, resolved to the indicator's own periods. A changed target is a new row
-- from a date (valid_from) with its reason, beside the old one, never an overwrite: a period is judged
-- against the version in force on its last day (the latest valid_from on or before it; the first
-- version when all came later). fact_target holds that version for each period, for the readers that
-- only want today's answer.
CREATE TABLE target_version (
    target_version_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    indicator_code      TEXT    NOT NULL,
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    target_value        NUMERIC NOT NULL,
    amber_threshold     NUMERIC NULL,
    set_for             TEXT    NOT NULL,           -- Year | Period
    valid_from          TEXT    NOT NULL,           -- the day it takes effect; 1900-04-01 for a first version
    reason              TEXT    NULL,               -- the catalogue's Reason column
    replaces_version_id INTEGER NULL REFERENCES target_version (target_version_id),
    catalogue_load_id   INTEGER NOT NULL REFERENCES catalogue_load (catalogue_load_id)
);
CREATE INDEX ix_target_version ON target_version (indicator_code, period_key, valid_from);

-- The targets a warehouse already holds become their first versions.
INSERT INTO target_version (indicator_code, period_key, target_value, amber_threshold, set_for, valid_from, reason,
                            replaces_version_id, catalogue_load_id)
SELECT t.indicator_code, t.period_key, t.target_value, t.amber_threshold, t.set_for, '1900-04-01', NULL, NULL, t.catalogue_load_id
FROM fact_target t;

-- The version fact_target's row is.
ALTER TABLE fact_target ADD COLUMN target_version_id INTEGER NULL REFERENCES target_version (target_version_id);
UPDATE fact_target
SET target_version_id = (SELECT v.target_version_id FROM target_version v
                         WHERE v.indicator_code = fact_target.indicator_code AND v.period_key = fact_target.period_key);

-- The target version each result was judged against (NULL: no target, or judged before versions were kept
-- against a target that differs from today's).
ALTER TABLE fact_result ADD COLUMN target_version_id INTEGER NULL REFERENCES target_version (target_version_id);
UPDATE fact_result
SET target_version_id = (SELECT v.target_version_id FROM target_version v
                         WHERE v.indicator_code = fact_result.indicator_code AND v.period_key = fact_result.period_key
                           AND v.target_value = fact_result.target_value)
WHERE target_value IS NOT NULL;

-- Rescoring past results against a newer target version is an explicit step (`pmf targets rescore`),
-- recorded here row by row: who, when, why, and the target and RAG before and after.
CREATE TABLE target_rescore (
    target_rescore_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    result_key          INTEGER NOT NULL REFERENCES fact_result (result_key),
    indicator_code      TEXT    NOT NULL,
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    from_version_id     INTEGER NULL REFERENCES target_version (target_version_id),
    to_version_id       INTEGER NOT NULL REFERENCES target_version (target_version_id),
    from_target         NUMERIC NULL,
    to_target           NUMERIC NOT NULL,
    from_rag            TEXT    NOT NULL,
    to_rag              TEXT    NOT NULL,
    rescored_at         TEXT    NOT NULL,
    rescored_by         TEXT    NOT NULL,
    reason              TEXT    NOT NULL
);
CREATE INDEX ix_target_rescore_result ON target_rescore (result_key);

-- How an indicator accumulates through the year: Per period (each period stands alone), Year to date
-- (each period's value is the year so far) or Snapshot (a position on the period's last day).
ALTER TABLE dim_indicator ADD COLUMN accumulation TEXT NOT NULL DEFAULT 'Per period'
    CHECK (accumulation IN ('Per period', 'Year to date', 'Snapshot'));
