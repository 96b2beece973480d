-- Progress on delivery-plan actions, as services report it on a return's Actions sheet (docs/formats.md,
-- "Actions sheet"). Mirrors sql/sqlite/0018_action_progress.sql column for column.
-- Rule of sql/sqlserver (tests/Pmf.Pipeline.Tests/Warehouse/SqlServerSchemaTests.cs): every statement ends with GO.

CREATE TABLE dbo.fact_action_progress (
    progress_key        int             NOT NULL IDENTITY(1, 1),
    action_key          int             NOT NULL,
    action_code         nvarchar(50)    NOT NULL,
    period_key          int             NOT NULL,
    council_key         int             NOT NULL,
    service_key         int             NOT NULL,
    status              nvarchar(20)    NOT NULL,
    percent_complete    decimal(9, 4)   NULL,
    commentary          nvarchar(max)   NULL,
    revised_date        date            NULL,
    revision_reason     nvarchar(max)   NULL,
    completion_date     date            NULL,
    delivery_rag        nvarchar(20)    NOT NULL,   -- Green | Amber | Red | Data only
    delivery_label      nvarchar(40)    NOT NULL,
    submission_id       int             NOT NULL,
    sheet_name          nvarchar(128)   NULL,
    row_number          int             NULL,
    is_current          bit             NOT NULL,
    superseded_by_submission_id int     NULL,
    loaded_at           datetime2(3)    NOT NULL,
    CONSTRAINT pk_fact_action_progress PRIMARY KEY (progress_key),
    CONSTRAINT ck_fact_action_progress_status CHECK (status IN (N'Not started', N'On track', N'At risk', N'Off track', N'Complete')),
    CONSTRAINT fk_fact_action_progress_action FOREIGN KEY (action_key) REFERENCES dbo.dim_action (action_key),
    CONSTRAINT fk_fact_action_progress_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key),
    CONSTRAINT fk_fact_action_progress_council FOREIGN KEY (council_key) REFERENCES dbo.dim_council (council_key),
    CONSTRAINT fk_fact_action_progress_service FOREIGN KEY (service_key) REFERENCES dbo.dim_service (service_key),
    CONSTRAINT fk_fact_action_progress_submission FOREIGN KEY (submission_id) REFERENCES dbo.submission (submission_id),
    CONSTRAINT fk_fact_action_progress_superseded_by FOREIGN KEY (superseded_by_submission_id) REFERENCES dbo.submission (submission_id)
);
GO
CREATE UNIQUE INDEX ux_fact_action_progress_current ON dbo.fact_action_progress (action_code, period_key) WHERE is_current = 1;
GO
CREATE INDEX ix_fact_action_progress_submission ON dbo.fact_action_progress (submission_id, action_code, period_key);
GO

CREATE VIEW dbo.v_action_progress AS
SELECT f.progress_key       AS [Progress key],
       f.action_key         AS [Action key],
       f.action_code        AS [Action code],
       a.action_name        AS [Action],
       f.period_key         AS [Period key],
       p.period_code        AS [Period],
       p.end_date_key       AS [Date key],
       c.council_code       AS [Council code],
       s.service_code       AS [Service code],
       f.status             AS [Status],
       f.percent_complete   AS [Percent complete],
       f.commentary         AS [Commentary],
       f.revised_date       AS [Revised date],
       f.revision_reason    AS [Revision reason],
       f.completion_date    AS [Completion date],
       f.delivery_rag       AS [Delivery RAG],
       f.delivery_label     AS [Delivery],
       CASE f.delivery_rag WHEN N'Red' THEN 1 WHEN N'Amber' THEN 2 WHEN N'Green' THEN 3 ELSE 4 END AS [RAG order],
       f.submission_id      AS [Submission id],
       f.sheet_name         AS [Sheet],
       f.row_number         AS [Row],
       f.loaded_at          AS [Loaded at]
FROM dbo.fact_action_progress AS f
INNER JOIN dbo.dim_action AS a ON a.action_key = f.action_key
INNER JOIN dbo.dim_period AS p ON p.period_key = f.period_key
INNER JOIN dbo.dim_council AS c ON c.council_key = f.council_key
INNER JOIN dbo.dim_service AS s ON s.service_key = f.service_key
WHERE f.is_current = 1;
GO

CREATE VIEW dbo.v_action_progress_published AS
SELECT v.*
FROM dbo.v_action_progress AS v
INNER JOIN dbo.dim_period AS rp ON rp.period_key = v.[Period key]
INNER JOIN dbo.dim_council AS c ON c.council_code = v.[Council code]
WHERE EXISTS (SELECT 1
              FROM dbo.publication_step AS ps
              INNER JOIN dbo.dim_period AS pp ON pp.period_key = ps.period_key
              WHERE ps.council_key = c.council_key AND ps.stage = N'Published'
                AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date);
GO
