-- Commentary and a remedial action added to a result after its return, without resubmitting a file.
-- One row per note, never updated or deleted: the table is its own audit. v_result gains the latest
-- note; v_result_published (SELECT v.*) is re-created so SQL Server binds the new columns too.
-- Mirrors sql/sqlite/0017_result_note.sql.
-- Rule of sql/sqlserver (tests/Pmf.Pipeline.Tests/Warehouse/SqlServerSchemaTests.cs): every statement ends with GO.

CREATE TABLE dbo.result_note (
    result_note_id      int             NOT NULL IDENTITY(1, 1),
    indicator_code      nvarchar(50)    NOT NULL,
    period_key          int             NOT NULL,
    result_key          int             NULL,
    commentary          nvarchar(4000)  NULL,
    remedial_action     nvarchar(4000)  NULL,
    written_by          nvarchar(320)   NOT NULL,
    written_at          datetime2(3)    NOT NULL,
    CONSTRAINT pk_result_note PRIMARY KEY (result_note_id),
    CONSTRAINT fk_result_note_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key)
);
GO

CREATE INDEX ix_result_note ON dbo.result_note (indicator_code, period_key, result_note_id);
GO

CREATE OR ALTER VIEW dbo.v_result AS
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
       r.loaded_at          AS [Loaded at],
       n.commentary         AS [Added commentary],
       n.remedial_action    AS [Added remedial action],
       n.written_by         AS [Added by],
       n.written_at         AS [Added at]
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
LEFT JOIN dbo.result_note AS n ON n.result_note_id = (SELECT MAX(x.result_note_id) FROM dbo.result_note AS x
                                                      WHERE x.indicator_code = r.indicator_code AND x.period_key = r.period_key)
WHERE r.is_current = 1
GO

CREATE OR ALTER VIEW dbo.v_result_published AS
SELECT v.*
FROM dbo.v_result AS v
INNER JOIN dbo.dim_period AS rp ON rp.period_key = v.[Period key]
WHERE EXISTS (SELECT 1
              FROM dbo.publication_step AS ps
              INNER JOIN dbo.dim_period AS pp ON pp.period_key = ps.period_key
              WHERE ps.council_key = v.[Council key] AND ps.stage = 'Published'
                AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date)
GO
