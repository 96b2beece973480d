-- Finance: each service's budget, forecast outturn and variance per quarter, sent on the Finance sheet
-- of its return (or alone) and loaded through the gate in the return's own transaction.
-- Mirrors sql/sqlserver/0019_finance.sql.

-- One row per (council, service, quarter) per submission; exactly one current row per key. A corrected
-- return supersedes the earlier row, which stays as history. Amounts as the sender gave them (£ or £000).
CREATE TABLE fact_finance (
    finance_key         INTEGER PRIMARY KEY AUTOINCREMENT,
    council_key         INTEGER NOT NULL REFERENCES dim_council (council_key),
    service_key         INTEGER NOT NULL REFERENCES dim_service (service_key),
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    budget              NUMERIC NOT NULL,
    forecast_outturn    NUMERIC NOT NULL,
    variance            NUMERIC NOT NULL,   -- forecast outturn less budget: above 0 is an overspend
    commentary          TEXT    NULL,
    submission_id       INTEGER NOT NULL REFERENCES submission (submission_id),
    sheet_name          TEXT    NULL,
    row_number          INTEGER NULL,
    is_current          INTEGER NOT NULL,
    superseded_by_submission_id INTEGER NULL REFERENCES submission (submission_id),
    loaded_at           TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_fact_finance_current ON fact_finance (council_key, service_key, period_key) WHERE is_current = 1;
CREATE INDEX ix_fact_finance_submission ON fact_finance (submission_id);

-- Every service's current budget position, by quarter.
CREATE VIEW v_finance AS
SELECT f.finance_key        AS "Finance key",
       f.council_key        AS "Council key",
       c.council_code       AS "Council",
       f.service_key        AS "Service key",
       s.service_code       AS "Service code",
       s.service_name       AS "Service",
       f.period_key         AS "Period key",
       p.period_code        AS "Period",
       p.end_date_key       AS "Date key",
       f.budget             AS "Budget",
       f.forecast_outturn   AS "Forecast outturn",
       f.variance           AS "Variance",
       f.commentary         AS "Commentary",
       f.submission_id      AS "Submission id",
       f.sheet_name         AS "Sheet",
       f.row_number         AS "Row",
       f.loaded_at          AS "Loaded at"
FROM fact_finance AS f
INNER JOIN dim_council AS c ON c.council_key = f.council_key
INNER JOIN dim_service AS s ON s.service_key = f.service_key
INNER JOIN dim_period AS p ON p.period_key = f.period_key
WHERE f.is_current = 1;

-- The same, for periods the council has published only: open data and Power BI's "published" pages.
CREATE VIEW v_finance_published AS
SELECT v.*
FROM v_finance AS v
INNER JOIN dim_period AS rp ON rp.period_key = v."Period key"
WHERE EXISTS (SELECT 1
              FROM publication_step AS ps
              INNER JOIN dim_period AS pp ON pp.period_key = ps.period_key
              WHERE ps.council_key = v."Council key" AND ps.stage = 'Published'
                AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date);

-- Which priorities each service serves, through its current indicators: finance is shown by priority this way.
CREATE VIEW v_service_priority AS
SELECT DISTINCT i.service_key AS "Service key",
       pr.council_key       AS "Council key",
       pr.priority_code     AS "Priority code",
       i.priority_key       AS "Priority key"
FROM dim_indicator AS i
INNER JOIN dim_priority AS pr ON pr.priority_key = i.priority_key
WHERE i.is_current = 1;
