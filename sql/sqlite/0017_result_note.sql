-- Commentary and a remedial action added to a result after its return, by a head of service (or anyone
-- the catalogue gives the service), without resubmitting a file. One row per note, never updated or
-- deleted: the table is its own audit (who wrote what, when, about which value). A note belongs to the
-- indicator and period, so it stays beside the result when a corrected return replaces the value; each
-- note is whole (a field left blank keeps the previous note's text), so the latest note is the current
-- word. v_result gains the latest note, beside the return's own commentary: both are shown, each with its
-- date. Mirrors sql/sqlserver/0017_result_note.sql.
CREATE TABLE result_note (
    result_note_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    indicator_code      TEXT    NOT NULL,
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    result_key          INTEGER NULL,
    commentary          TEXT    NULL,
    remedial_action     TEXT    NULL,
    written_by          TEXT    NOT NULL,
    written_at          TEXT    NOT NULL
);
CREATE INDEX ix_result_note ON result_note (indicator_code, period_key, result_note_id);

DROP VIEW v_result;

-- The current result of every indicator and period, with where it came from, whether it came on time,
-- and the latest note added to it.
CREATE VIEW v_result AS
SELECT r.result_key         AS "Result key",
       r.indicator_code     AS "Indicator code",
       r.indicator_key      AS "Indicator version key",
       i.indicator_name     AS "Indicator name",
       r.period_key         AS "Period key",
       p.period_code        AS "Period",
       p.end_date_key       AS "Date key",
       r.council_key        AS "Council key",
       r.service_key        AS "Service key",
       i.priority_key       AS "Priority key",
       i.unit               AS "Unit",
       r.result_value       AS "Result",
       r.numerator          AS "Numerator",
       r.denominator        AS "Denominator",
       r.target_value       AS "Target",
       r.amber_threshold    AS "Amber threshold",
       r.rag                AS "RAG",
       CASE r.rag WHEN 'Red' THEN 1 WHEN 'Amber' THEN 2 WHEN 'Green' THEN 3 ELSE 4 END AS "RAG order",
       r.direction_vs_previous AS "Direction vs previous",
       r.direction_vs_last_year AS "Direction vs last year",
       r.status             AS "Status",
       r.commentary         AS "Commentary",
       r.remedial_action    AS "Remedial action",
       CASE WHEN r.is_nil_return = 1 THEN 'Yes' ELSE 'No' END AS "Nil return",
       r.submission_id      AS "Submission id",
       s.file_name          AS "File",
       r.sheet_name         AS "Sheet",
       r.row_number         AS "Row",
       s.sender             AS "Sender",
       s.received_at        AS "Received at",
       due.due_date         AS "Due date",
       substr(f.first_received_at, 1, 10) AS "First received date",
       CASE WHEN due.due_date IS NULL THEN 'Unknown'
            WHEN substr(f.first_received_at, 1, 10) <= due.due_date THEN 'On time'
            ELSE 'Late' END AS "Timeliness",
       r.loaded_at          AS "Loaded at",
       n.commentary         AS "Added commentary",
       n.remedial_action    AS "Added remedial action",
       n.written_by         AS "Added by",
       n.written_at         AS "Added at"
FROM fact_result AS r
INNER JOIN dim_indicator AS i ON i.indicator_key = r.indicator_key
INNER JOIN dim_period AS p ON p.period_key = r.period_key
INNER JOIN submission AS s ON s.submission_id = r.submission_id
INNER JOIN (SELECT r1.result_key,
                   (SELECT MIN(hs.received_at)
                    FROM fact_result AS h
                    INNER JOIN submission AS hs ON hs.submission_id = h.submission_id
                    WHERE h.indicator_code = r1.indicator_code AND h.period_key = r1.period_key) AS first_received_at
            FROM fact_result AS r1) AS f
    ON f.result_key = r.result_key
LEFT JOIN v_due_date AS due ON due.period_key = r.period_key AND due.due_working_days = i.due_working_days
LEFT JOIN result_note AS n ON n.result_note_id = (SELECT MAX(x.result_note_id) FROM result_note AS x
                                                  WHERE x.indicator_code = r.indicator_code AND x.period_key = r.period_key)
WHERE r.is_current = 1;
