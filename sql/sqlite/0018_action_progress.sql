-- Progress on delivery-plan actions, as services report it on a return's Actions sheet (docs/formats.md,
-- "Actions sheet"). Mirrors sql/sqlserver/0018_action_progress.sql column for column.

-- One row per accepted update (action x period x submission). A later submission's update for the same
-- action and period supersedes it (is_current = 0, superseded_by_submission_id); history stays.
-- delivery_rag / delivery_label: the delivery RAG the pipeline judged at load (Scoring/DeliveryRag), so
-- every report, open data and Power BI show the same words.
CREATE TABLE fact_action_progress (
    progress_key        INTEGER PRIMARY KEY AUTOINCREMENT,
    action_key          INTEGER NOT NULL REFERENCES dim_action (action_key),
    action_code         TEXT    NOT NULL,
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    council_key         INTEGER NOT NULL REFERENCES dim_council (council_key),
    service_key         INTEGER NOT NULL REFERENCES dim_service (service_key),
    status              TEXT    NOT NULL CHECK (status IN ('Not started', 'On track', 'At risk', 'Off track', 'Complete')),
    percent_complete    REAL    NULL,
    commentary          TEXT    NULL,
    revised_date        TEXT    NULL,
    revision_reason     TEXT    NULL,
    completion_date     TEXT    NULL,
    delivery_rag        TEXT    NOT NULL,
    delivery_label      TEXT    NOT NULL,
    submission_id       INTEGER NOT NULL REFERENCES submission (submission_id),
    sheet_name          TEXT    NULL,
    row_number          INTEGER NULL,
    is_current          INTEGER NOT NULL,
    superseded_by_submission_id INTEGER NULL REFERENCES submission (submission_id),
    loaded_at           TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_fact_action_progress_current ON fact_action_progress (action_code, period_key) WHERE is_current = 1;
CREATE INDEX ix_fact_action_progress_submission ON fact_action_progress (submission_id, action_code, period_key);

-- The current update of each action for each period, for reports, open data and Power BI.
CREATE VIEW v_action_progress AS
SELECT f.progress_key       AS "Progress key",
       f.action_key         AS "Action key",
       f.action_code        AS "Action code",
       a.action_name        AS "Action",
       f.period_key         AS "Period key",
       p.period_code        AS "Period",
       p.end_date_key       AS "Date key",
       c.council_code       AS "Council code",
       s.service_code       AS "Service code",
       f.status             AS "Status",
       f.percent_complete   AS "Percent complete",
       f.commentary         AS "Commentary",
       f.revised_date       AS "Revised date",
       f.revision_reason    AS "Revision reason",
       f.completion_date    AS "Completion date",
       f.delivery_rag       AS "Delivery RAG",
       f.delivery_label     AS "Delivery",
       CASE f.delivery_rag WHEN 'Red' THEN 1 WHEN 'Amber' THEN 2 WHEN 'Green' THEN 3 ELSE 4 END AS "RAG order",
       f.submission_id      AS "Submission id",
       f.sheet_name         AS "Sheet",
       f.row_number         AS "Row",
       f.loaded_at          AS "Loaded at"
FROM fact_action_progress AS f
INNER JOIN dim_action AS a ON a.action_key = f.action_key
INNER JOIN dim_period AS p ON p.period_key = f.period_key
INNER JOIN dim_council AS c ON c.council_key = f.council_key
INNER JOIN dim_service AS s ON s.service_key = f.service_key
WHERE f.is_current = 1;

-- The current updates whose period lies within a period the council has published: what open data and
-- Power BI's "published" view may show (like v_result_published).
CREATE VIEW v_action_progress_published AS
SELECT v.*
FROM v_action_progress AS v
INNER JOIN dim_period AS rp ON rp.period_key = v."Period key"
INNER JOIN dim_council AS c ON c.council_code = v."Council code"
WHERE EXISTS (SELECT 1
              FROM publication_step AS ps
              INNER JOIN dim_period AS pp ON pp.period_key = ps.period_key
              WHERE ps.council_key = c.council_key AND ps.stage = 'Published'
                AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date);
