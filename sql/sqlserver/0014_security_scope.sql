-- Row-level security needs every submission and data-quality issue placed: a pull from a service
-- system has no service of its own, so v_submission and v_dq_issue had no [Service key] for it and the
-- head-of-service role saw none of it; and a submission named no council, so every council role saw
-- every submission. v_submission_scope places each submission: the councils and services of the
-- indicators it delivered results for or was found wanting on, or, when it names no indicator (a file
-- rejected whole), those of every indicator of the service that sent it. v_submission gains
-- [Council codes] (the councils, '|'-separated in code order, for DAX PATHCONTAINS) and takes its
-- service from that scope when it has none; a data-quality issue takes its indicator's service.
-- Mirrors sql/sqlite/0014_security_scope.sql.

CREATE VIEW dbo.v_submission_scope AS
SELECT x.submission_id, i.council_key, i.service_key
FROM (SELECT r.submission_id, r.indicator_code FROM dbo.fact_result AS r
      UNION
      SELECT q.submission_id, q.indicator_code FROM dbo.dq_issue AS q WHERE q.indicator_code IS NOT NULL) AS x
INNER JOIN dbo.dim_indicator AS i ON i.indicator_code = x.indicator_code
UNION
SELECT s.submission_id, i.council_key, i.service_key
FROM dbo.submission AS s
INNER JOIN dbo.dim_service AS sv ON sv.service_code = s.service_code
INNER JOIN dbo.dim_indicator AS i ON i.service_key = sv.service_key
WHERE NOT EXISTS (SELECT 1 FROM dbo.fact_result AS r WHERE r.submission_id = s.submission_id)
  AND NOT EXISTS (SELECT 1 FROM dbo.dq_issue AS q WHERE q.submission_id = s.submission_id AND q.indicator_code IS NOT NULL)
GO

CREATE OR ALTER VIEW dbo.v_submission AS
SELECT s.submission_id      AS [Submission id],
       COALESCE(sv.service_key,
                (SELECT MIN(sc.service_key) FROM dbo.v_submission_scope AS sc WHERE sc.submission_id = s.submission_id)) AS [Service key],
       (SELECT STRING_AGG(c.council_code, '|') WITHIN GROUP (ORDER BY c.council_code)
        FROM (SELECT DISTINCT dc.council_code
              FROM dbo.v_submission_scope AS sc
              INNER JOIN dbo.dim_council AS dc ON dc.council_key = sc.council_key
              WHERE sc.submission_id = s.submission_id) AS c) AS [Council codes],
       s.service_code       AS [Service code],
       s.source_kind        AS [Source kind],
       COALESCE(s.source_name, s.file_name) AS [Source],
       s.file_name          AS [File],
       s.blob_path          AS [Blob path],
       s.sender             AS [Sender],
       s.received_at        AS [Received at],
       CAST(s.received_at AS date) AS [Received date],
       CONVERT(int, CONVERT(char(8), s.received_at, 112)) AS [Received date key],
       s.verdict            AS [Verdict],
       s.verdict_reason     AS [Verdict reason],
       s.rows_read          AS [Rows read],
       s.rows_loaded        AS [Rows loaded],
       s.rows_rejected      AS [Rows rejected],
       s.warnings           AS [Warnings],
       s.errors             AS [Errors],
       d.due_date           AS [Due date],
       CASE WHEN d.due_date IS NULL THEN 'No results'
            WHEN CAST(s.received_at AS date) <= d.due_date THEN 'On time'
            ELSE 'Late' END AS [Timeliness]
FROM dbo.submission AS s
LEFT JOIN dbo.dim_service AS sv ON sv.service_code = s.service_code
LEFT JOIN (SELECT k.submission_id, MIN(due.due_date) AS due_date
           FROM (SELECT DISTINCT r.submission_id, r.period_key, i.due_working_days
                 FROM dbo.fact_result AS r
                 INNER JOIN dbo.dim_indicator AS i ON i.indicator_key = r.indicator_key) AS k
           INNER JOIN dbo.v_due_date AS due ON due.period_key = k.period_key AND due.due_working_days = k.due_working_days
           GROUP BY k.submission_id) AS d
    ON d.submission_id = s.submission_id
GO

CREATE OR ALTER VIEW dbo.v_dq_issue AS
SELECT q.dq_issue_id        AS [Issue id],
       q.submission_id      AS [Submission id],
       COALESCE(sv.service_key,
                (SELECT MIN(i.service_key) FROM dbo.dim_indicator AS i WHERE i.indicator_code = q.indicator_code),
                (SELECT MIN(sc.service_key) FROM dbo.v_submission_scope AS sc WHERE sc.submission_id = q.submission_id)) AS [Service key],
       CONVERT(int, CONVERT(char(8), s.received_at, 112)) AS [Received date key],
       q.rule_id            AS [Rule],
       q.severity           AS [Severity],
       q.message            AS [Message],
       q.indicator_code     AS [Indicator code],
       q.period_code        AS [Period],
       s.file_name          AS [File],
       q.sheet_name         AS [Sheet],
       q.row_number         AS [Row],
       q.column_name        AS [Column],
       q.raw_value          AS [Raw value],
       s.sender             AS [Sender]
FROM dbo.dq_issue AS q
INNER JOIN dbo.submission AS s ON s.submission_id = q.submission_id
LEFT JOIN dbo.dim_service AS sv ON sv.service_code = s.service_code
GO
