-- Reporting views for Power BI (and any other reader), production (Azure SQL / SQL Server) dialect.
-- Mirrors sql/sqlite/0002_reporting_views.sql view for view and column for column: the same
-- friendly column names, so one generated semantic model (src/Pmf.Pipeline/PowerBi) reads either.
-- RAG and direction of travel are the warehouse's own, never recomputed here.
-- Flags are the words 'Yes' / 'No', so every tool shows them the same way.
-- Due dates: a return is due N working days after its period ends (N = the indicator's
-- due_working_days). dim_date carries the England and Wales working-day calendar, so the views
-- count working days there: v_working_day numbers the working days in order, and the due date is
-- the working day numbered (working days up to the period end) + N. The loaders fill dim_date a
-- financial year beyond every period they touch, so every due date is found.
-- Received dates are the UTC date of the instant a file arrived.
-- Rule of sql/sqlserver (tests/Pmf.Pipeline.Tests/Warehouse/SqlServerSchemaTests.cs): every statement ends with GO.

CREATE VIEW dbo.v_working_day AS
SELECT d.date_key, d.calendar_date, ROW_NUMBER() OVER (ORDER BY d.date_key) AS working_day_number
FROM dbo.dim_date AS d
WHERE d.is_working_day = 1
GO

CREATE VIEW dbo.v_due_date AS
SELECT p.period_key, n.due_working_days, w.date_key AS due_date_key, w.calendar_date AS due_date
FROM dbo.dim_period AS p
CROSS JOIN (SELECT DISTINCT due_working_days FROM dim_indicator) AS n
INNER JOIN dbo.v_working_day AS w
    ON w.working_day_number = n.due_working_days
       + (SELECT COUNT(*) FROM dbo.dim_date AS d WHERE d.is_working_day = 1 AND d.date_key <= p.end_date_key)
GO

CREATE VIEW dbo.v_date AS
SELECT d.date_key           AS [Date key],
       d.calendar_date      AS [Date],
       d.financial_year     AS [Financial year],
       d.financial_quarter  AS [Financial quarter],
       d.quarter_code       AS [Quarter],
       d.financial_month    AS [Financial month],
       d.month_code         AS [Month code],
       d.month_name         AS [Month],
       d.calendar_year      AS [Calendar year],
       d.calendar_month     AS [Calendar month],
       d.day_of_week        AS [Day of week],
       CASE WHEN d.is_working_day = 1 THEN 'Yes' ELSE 'No' END AS [Working day],
       d.holiday_name       AS [Bank holiday]
FROM dbo.dim_date AS d
GO

CREATE VIEW dbo.v_period AS
SELECT p.period_key         AS [Period key],
       p.period_code        AS [Period],
       p.period_label       AS [Period label],
       p.frequency          AS [Frequency],
       p.financial_year     AS [Financial year],
       p.period_number      AS [Period number],
       p.start_date         AS [Start date],
       p.end_date           AS [End date],
       p.end_date_key       AS [End date key],
       p.previous_period_key AS [Previous period key],
       p.same_period_last_year_key AS [Same period last year key]
FROM dbo.dim_period AS p
GO

CREATE VIEW dbo.v_council AS
SELECT c.council_key        AS [Council key],
       c.council_code       AS [Council code],
       c.council_name       AS [Council]
FROM dbo.dim_council AS c
GO

CREATE VIEW dbo.v_priority AS
SELECT pr.priority_key      AS [Priority key],
       c.council_code       AS [Council code],
       pr.priority_code     AS [Priority code],
       pr.priority_name     AS [Priority],
       pr.objective_code    AS [Objective code],
       COALESCE(pr.objective_name, pr.priority_name) AS [Objective]
FROM dbo.dim_priority AS pr
INNER JOIN dbo.dim_council AS c ON c.council_key = pr.council_key
GO

CREATE VIEW dbo.v_service AS
SELECT s.service_key        AS [Service key],
       s.service_code       AS [Service code],
       s.service_name       AS [Service],
       s.head_of_service    AS [Head of service],
       s.head_of_service_email AS [Head of service email],
       s.director           AS [Director],
       s.director_email     AS [Director email]
FROM dbo.dim_service AS s
GO

-- One row per indicator: its current version, or the last one of a retired indicator.
CREATE VIEW dbo.v_indicator AS
SELECT i.indicator_code     AS [Indicator code],
       i.indicator_key      AS [Indicator version key],
       i.indicator_name     AS [Indicator],
       i.description        AS [Description],
       c.council_code       AS [Council code],
       pr.priority_code     AS [Priority code],
       s.service_code       AS [Service code],
       i.indicator_type     AS [Type],
       i.unit               AS [Unit],
       i.polarity           AS [Polarity],
       i.frequency          AS [Frequency],
       i.multiplier         AS [Multiplier],
       i.due_working_days   AS [Due working days],
       i.source             AS [Source],
       i.lead_officer       AS [Lead officer],
       i.committee          AS [Committee],
       i.valid_from         AS [Version start date],
       CASE WHEN i.is_current = 1 THEN 'Current' ELSE 'Retired' END AS [Catalogue status]
FROM dbo.dim_indicator AS i
INNER JOIN dbo.dim_council AS c ON c.council_key = i.council_key
INNER JOIN dbo.dim_priority AS pr ON pr.priority_key = i.priority_key
INNER JOIN dbo.dim_service AS s ON s.service_key = i.service_key
WHERE NOT EXISTS (SELECT 1 FROM dbo.dim_indicator AS later
                  WHERE later.indicator_code = i.indicator_code AND later.valid_from > i.valid_from)
GO

-- The current result of every indicator and period, with where it came from and whether it came on time.
CREATE VIEW dbo.v_result AS
SELECT r.result_key         AS [Result key],
       r.indicator_code     AS [Indicator code],
       r.indicator_key      AS [Indicator version key],
       i.indicator_name     AS [Indicator name],
       r.period_key         AS [Period key],
       p.period_code        AS [Period],
       p.end_date_key       AS [Date key],
       r.council_key        AS [Council key],
       r.service_key        AS [Service key],
       i.priority_key       AS [Priority key],
       i.unit               AS [Unit],
       r.result_value       AS [Result],
       r.numerator          AS [Numerator],
       r.denominator        AS [Denominator],
       r.target_value       AS [Target],
       r.amber_threshold    AS [Amber threshold],
       r.rag                AS [RAG],
       CASE r.rag WHEN 'Red' THEN 1 WHEN 'Amber' THEN 2 WHEN 'Green' THEN 3 ELSE 4 END AS [RAG order],
       r.direction_vs_previous AS [Direction vs previous],
       r.direction_vs_last_year AS [Direction vs last year],
       r.status             AS [Status],
       r.commentary         AS [Commentary],
       r.remedial_action    AS [Remedial action],
       CASE WHEN r.is_nil_return = 1 THEN 'Yes' ELSE 'No' END AS [Nil return],
       r.submission_id      AS [Submission id],
       s.file_name          AS [File],
       r.sheet_name         AS [Sheet],
       r.row_number         AS [Row],
       s.sender             AS [Sender],
       s.received_at        AS [Received at],
       due.due_date         AS [Due date],
       CAST(f.first_received_at AS date) AS [First received date],
       CASE WHEN due.due_date IS NULL THEN 'Unknown'
            WHEN CAST(f.first_received_at AS date) <= due.due_date THEN 'On time'
            ELSE 'Late' END AS [Timeliness],
       r.loaded_at          AS [Loaded at]
FROM dbo.fact_result AS r
INNER JOIN dbo.dim_indicator AS i ON i.indicator_key = r.indicator_key
INNER JOIN dbo.dim_period AS p ON p.period_key = r.period_key
INNER JOIN dbo.submission AS s ON s.submission_id = r.submission_id
INNER JOIN (SELECT h.indicator_code, h.period_key, MIN(hs.received_at) AS first_received_at
            FROM dbo.fact_result AS h
            INNER JOIN dbo.submission AS hs ON hs.submission_id = h.submission_id
            GROUP BY h.indicator_code, h.period_key) AS f
    ON f.indicator_code = r.indicator_code AND f.period_key = r.period_key
LEFT JOIN dbo.v_due_date AS due ON due.period_key = r.period_key AND due.due_working_days = i.due_working_days
WHERE r.is_current = 1
GO

-- Every submission (file or pull) with its verdict; on time when it arrived by the earliest due date
-- of the results it delivered.
CREATE VIEW dbo.v_submission AS
SELECT s.submission_id      AS [Submission id],
       sv.service_key       AS [Service key],
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

CREATE VIEW dbo.v_dq_issue AS
SELECT q.dq_issue_id        AS [Issue id],
       q.submission_id      AS [Submission id],
       sv.service_key       AS [Service key],
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

CREATE VIEW dbo.v_follow_up AS
SELECT f.follow_up_id       AS [Follow-up id],
       f.kind               AS [Kind],
       f.indicator_code     AS [Indicator code],
       f.period_key         AS [Period key],
       f.service_key        AS [Service key],
       f.owner_email        AS [Owner email],
       f.raised_at          AS [Raised at],
       f.due_at             AS [Due at],
       f.status             AS [Status],
       CASE WHEN f.status = 'Resolved' THEN 'No' ELSE 'Yes' END AS [Open],
       f.escalation_level   AS [Escalation level],
       f.last_changed_at    AS [Last changed at],
       f.resolved_at        AS [Resolved at],
       f.detail             AS [Detail]
FROM dbo.follow_up AS f
GO
