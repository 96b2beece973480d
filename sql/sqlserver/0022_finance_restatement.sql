-- Finance restated after publication. Mirrors sql/sqlite/0022_finance_restatement.sql, which says what each column is for.
CREATE TABLE dbo.finance_restatement (
    finance_restatement_id int          NOT NULL IDENTITY(1, 1),
    council_key         int             NOT NULL,
    service_key         int             NOT NULL,
    period_key          int             NOT NULL,
    old_finance_key     int             NOT NULL,
    new_finance_key     int             NOT NULL,
    old_budget          decimal(19, 2)  NOT NULL,
    new_budget          decimal(19, 2)  NOT NULL,
    old_forecast_outturn decimal(19, 2) NOT NULL,
    new_forecast_outturn decimal(19, 2) NOT NULL,
    old_variance        decimal(19, 2)  NOT NULL,
    new_variance        decimal(19, 2)  NOT NULL,
    reason              nvarchar(max)   NOT NULL,
    recorded_at         datetime2(3)    NOT NULL,
    submission_id       int             NOT NULL,
    CONSTRAINT pk_finance_restatement PRIMARY KEY (finance_restatement_id),
    CONSTRAINT fk_finance_restatement_council FOREIGN KEY (council_key) REFERENCES dbo.dim_council (council_key),
    CONSTRAINT fk_finance_restatement_service FOREIGN KEY (service_key) REFERENCES dbo.dim_service (service_key),
    CONSTRAINT fk_finance_restatement_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key),
    CONSTRAINT fk_finance_restatement_old FOREIGN KEY (old_finance_key) REFERENCES dbo.fact_finance (finance_key),
    CONSTRAINT fk_finance_restatement_new FOREIGN KEY (new_finance_key) REFERENCES dbo.fact_finance (finance_key),
    CONSTRAINT fk_finance_restatement_submission FOREIGN KEY (submission_id) REFERENCES dbo.submission (submission_id)
);
GO

CREATE INDEX ix_finance_restatement_council ON dbo.finance_restatement (council_key, period_key);
GO
