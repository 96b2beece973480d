-- Finance restated after publication; each milestone its own follow-up. Mirrors sql/sqlite/0022_finance_restatement_and_milestone_follow_ups.sql, which says what each column is for.
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

-- Each milestone of an action its own follow-up: follow_up and sweep_flag are keyed by subject too (the
-- milestone's name for a Milestone follow-up, '' for the other kinds).
ALTER TABLE dbo.follow_up ADD subject nvarchar(400) NOT NULL CONSTRAINT df_follow_up_subject DEFAULT '';
GO

UPDATE dbo.follow_up SET subject = COALESCE(LEFT(detail, 400), '') WHERE kind = 'Milestone';
GO

ALTER TABLE dbo.follow_up DROP CONSTRAINT uq_follow_up_kind_indicator_period;
GO

ALTER TABLE dbo.follow_up ADD CONSTRAINT uq_follow_up_kind_indicator_period_subject UNIQUE (kind, indicator_code, period_key, subject);
GO

-- The sweep's work table, rewritten by each run: rebuilt with the new key (as 0007 rebuilt sweep_period_due).
DROP TABLE dbo.sweep_flag;
GO

CREATE TABLE dbo.sweep_flag (
    kind                nvarchar(30)    NOT NULL,
    indicator_code      nvarchar(50)    NOT NULL,
    period_key          int             NOT NULL,
    service_key         int             NOT NULL,
    owner_email         nvarchar(320)   NOT NULL,
    due_at              date            NOT NULL,
    escalation_level    int             NOT NULL,
    detail              nvarchar(4000)  NULL,
    nation              nvarchar(20)    NOT NULL CONSTRAINT df_sweep_flag_nation DEFAULT 'England',
    subject             nvarchar(400)   NOT NULL CONSTRAINT df_sweep_flag_subject DEFAULT '',
    CONSTRAINT pk_sweep_flag PRIMARY KEY (kind, indicator_code, period_key, subject)
);
GO
