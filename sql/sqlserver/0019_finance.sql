-- Finance per service and quarter. Mirrors sql/sqlite/0019_finance.sql, which says what each column is for.
CREATE TABLE dbo.fact_finance (
    finance_key         int             NOT NULL IDENTITY(1, 1),
    council_key         int             NOT NULL,
    service_key         int             NOT NULL,
    period_key          int             NOT NULL,
    budget              decimal(19, 2)  NOT NULL,
    forecast_outturn    decimal(19, 2)  NOT NULL,
    variance            decimal(19, 2)  NOT NULL,
    commentary          nvarchar(max)   NULL,
    submission_id       int             NOT NULL,
    sheet_name          nvarchar(128)   NULL,
    row_number          int             NULL,
    is_current          bit             NOT NULL,
    superseded_by_submission_id int     NULL,
    loaded_at           datetime2(3)    NOT NULL,
    CONSTRAINT pk_fact_finance PRIMARY KEY (finance_key),
    CONSTRAINT fk_fact_finance_council FOREIGN KEY (council_key) REFERENCES dbo.dim_council (council_key),
    CONSTRAINT fk_fact_finance_service FOREIGN KEY (service_key) REFERENCES dbo.dim_service (service_key),
    CONSTRAINT fk_fact_finance_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key),
    CONSTRAINT fk_fact_finance_submission FOREIGN KEY (submission_id) REFERENCES dbo.submission (submission_id),
    CONSTRAINT fk_fact_finance_superseded_by FOREIGN KEY (superseded_by_submission_id) REFERENCES dbo.submission (submission_id)
);
GO

CREATE UNIQUE INDEX ux_fact_finance_current ON dbo.fact_finance (council_key, service_key, period_key) WHERE is_current = 1;
GO

CREATE INDEX ix_fact_finance_submission ON dbo.fact_finance (submission_id);
GO

CREATE VIEW dbo.v_finance AS
SELECT f.finance_key        AS [Finance key],
       f.council_key        AS [Council key],
       c.council_code       AS [Council],
       f.service_key        AS [Service key],
       s.service_code       AS [Service code],
       s.service_name       AS [Service],
       f.period_key         AS [Period key],
       p.period_code        AS [Period],
       p.end_date_key       AS [Date key],
       f.budget             AS [Budget],
       f.forecast_outturn   AS [Forecast outturn],
       f.variance           AS [Variance],
       f.commentary         AS [Commentary],
       f.submission_id      AS [Submission id],
       f.sheet_name         AS [Sheet],
       f.row_number         AS [Row],
       f.loaded_at          AS [Loaded at]
FROM dbo.fact_finance AS f
INNER JOIN dbo.dim_council AS c ON c.council_key = f.council_key
INNER JOIN dbo.dim_service AS s ON s.service_key = f.service_key
INNER JOIN dbo.dim_period AS p ON p.period_key = f.period_key
WHERE f.is_current = 1
GO

CREATE VIEW dbo.v_finance_published AS
SELECT v.*
FROM dbo.v_finance AS v
INNER JOIN dbo.dim_period AS rp ON rp.period_key = v.[Period key]
WHERE EXISTS (SELECT 1
              FROM dbo.publication_step AS ps
              INNER JOIN dbo.dim_period AS pp ON pp.period_key = ps.period_key
              WHERE ps.council_key = v.[Council key] AND ps.stage = 'Published'
                AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date)
GO

CREATE VIEW dbo.v_service_priority AS
SELECT DISTINCT i.service_key AS [Service key],
       pr.council_key       AS [Council key],
       pr.priority_code     AS [Priority code],
       i.priority_key       AS [Priority key]
FROM dbo.dim_indicator AS i
INNER JOIN dbo.dim_priority AS pr ON pr.priority_key = i.priority_key
WHERE i.is_current = 1
GO
