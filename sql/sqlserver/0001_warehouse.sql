-- PMF warehouse, production (Azure SQL / SQL Server) dialect. Mirrors sql/sqlite/0001_warehouse.sql column for column.
-- Star schema: dim_* are dimensions, fact_* facts; the rest is the pipeline's own record.
-- Everything lives in dbo so the same unqualified table names work in SQL shared with SQLite.
-- Dates are date; instants are datetime2(3) holding UTC; values are decimal(19,6); flags are bit.
-- DacFx builds a model from this folder (tests/Pmf.Pipeline.Tests/Warehouse/SqlServerSchemaTests.cs):
-- one statement per batch, so every statement is followed by GO (DbUp splits on it too), and
-- later migrations must follow the rule written at the top of that test.

CREATE TABLE dbo.dim_date (
    date_key            int             NOT NULL,   -- yyyymmdd
    calendar_date       date            NOT NULL,
    financial_year      nvarchar(10)    NOT NULL,   -- 2025/26
    financial_quarter   int             NOT NULL,   -- 1 = Apr-Jun
    financial_month     int             NOT NULL,   -- 1 = April
    quarter_code        nvarchar(20)    NOT NULL,   -- 2025/26 Q1
    month_code          nvarchar(20)    NOT NULL,   -- 2025/26 M01
    calendar_year       int             NOT NULL,
    calendar_month      int             NOT NULL,
    month_name          nvarchar(20)    NOT NULL,
    day_of_week         nvarchar(20)    NOT NULL,
    is_working_day      bit             NOT NULL,
    is_bank_holiday     bit             NOT NULL,
    holiday_name        nvarchar(100)   NULL,
    CONSTRAINT pk_dim_date PRIMARY KEY (date_key),
    CONSTRAINT uq_dim_date_calendar_date UNIQUE (calendar_date)
);
GO

CREATE TABLE dbo.dim_period (
    period_key          int             NOT NULL,   -- Period.SortKey: yyyy00 year, yyyy1q quarter, yyyy2m/yyyy3m month
    period_code         nvarchar(20)    NOT NULL,   -- 2025/26 Q1
    frequency           nvarchar(20)    NOT NULL,   -- Monthly | Quarterly | Annual
    financial_year      nvarchar(10)    NOT NULL,
    period_number       int             NOT NULL,
    period_label        nvarchar(40)    NOT NULL,   -- Apr-Jun 2025
    start_date          date            NOT NULL,
    end_date            date            NOT NULL,
    start_date_key      int             NOT NULL,
    end_date_key        int             NOT NULL,
    previous_period_key int             NOT NULL,
    same_period_last_year_key int       NOT NULL,
    CONSTRAINT pk_dim_period PRIMARY KEY (period_key),
    CONSTRAINT uq_dim_period_period_code UNIQUE (period_code)
);
GO

CREATE TABLE dbo.catalogue_load (
    catalogue_load_id   int             NOT NULL IDENTITY(1, 1),
    file_name           nvarchar(260)   NOT NULL,
    content_hash        nvarchar(128)   NOT NULL,
    loaded_at           datetime2(3)    NOT NULL,
    effective_from      date            NOT NULL,
    councils            int             NOT NULL,
    priorities          int             NOT NULL,
    services            int             NOT NULL,
    indicators          int             NOT NULL,
    targets             int             NOT NULL,
    indicator_versions_added int        NOT NULL,
    CONSTRAINT pk_catalogue_load PRIMARY KEY (catalogue_load_id)
);
GO

CREATE TABLE dbo.dim_council (
    council_key         int             NOT NULL IDENTITY(1, 1),
    council_code        nvarchar(50)    NOT NULL,
    council_name        nvarchar(200)   NOT NULL,
    CONSTRAINT pk_dim_council PRIMARY KEY (council_key),
    CONSTRAINT uq_dim_council_council_code UNIQUE (council_code)
);
GO

CREATE TABLE dbo.dim_priority (
    priority_key        int             NOT NULL IDENTITY(1, 1),
    council_key         int             NOT NULL,
    priority_code       nvarchar(50)    NOT NULL,
    priority_name       nvarchar(200)   NOT NULL,
    objective_code      nvarchar(50)    NOT NULL CONSTRAINT df_dim_priority_objective_code DEFAULT (N''), -- '' for the priority itself
    objective_name      nvarchar(200)   NULL,
    CONSTRAINT pk_dim_priority PRIMARY KEY (priority_key),
    CONSTRAINT fk_dim_priority_council FOREIGN KEY (council_key) REFERENCES dbo.dim_council (council_key),
    CONSTRAINT uq_dim_priority_code UNIQUE (council_key, priority_code, objective_code)
);
GO

CREATE TABLE dbo.dim_service (
    service_key         int             NOT NULL IDENTITY(1, 1),
    service_code        nvarchar(50)    NOT NULL,
    service_name        nvarchar(200)   NOT NULL,
    head_of_service     nvarchar(200)   NOT NULL,
    head_of_service_email nvarchar(320) NOT NULL,
    director            nvarchar(200)   NULL,
    director_email      nvarchar(320)   NULL,
    CONSTRAINT pk_dim_service PRIMARY KEY (service_key),
    CONSTRAINT uq_dim_service_service_code UNIQUE (service_code)
);
GO

-- Type-2: one row per version of an indicator's definition. A period is measured under the
-- version in force on its last day (valid_from <= end_date < valid_to).
CREATE TABLE dbo.dim_indicator (
    indicator_key       int             NOT NULL IDENTITY(1, 1),
    indicator_code      nvarchar(50)    NOT NULL,
    indicator_name      nvarchar(400)   NOT NULL,
    description         nvarchar(max)   NULL,
    council_key         int             NOT NULL,
    priority_key        int             NOT NULL,
    service_key         int             NOT NULL,
    indicator_type      nvarchar(20)    NOT NULL,   -- Quantitative | Qualitative
    unit                nvarchar(20)    NOT NULL,   -- % | count | £ | days | ratio | score
    polarity            nvarchar(20)    NOT NULL,   -- Higher is better | Lower is better | None
    frequency           nvarchar(20)    NOT NULL,
    multiplier          decimal(19, 6)  NOT NULL,
    tolerance_amount    decimal(19, 6)  NOT NULL,
    tolerance_is_percent bit            NOT NULL,
    due_working_days    int             NOT NULL,
    source              nvarchar(200)   NOT NULL,
    lead_officer        nvarchar(200)   NULL,
    committee           nvarchar(200)   NULL,
    active_from         date            NULL,
    active_to           date            NULL,
    valid_from          date            NOT NULL,
    valid_to            date            NULL,       -- NULL while current
    is_current          bit             NOT NULL,
    definition_hash     nvarchar(128)   NOT NULL,
    catalogue_load_id   int             NOT NULL,
    CONSTRAINT pk_dim_indicator PRIMARY KEY (indicator_key),
    CONSTRAINT fk_dim_indicator_council FOREIGN KEY (council_key) REFERENCES dbo.dim_council (council_key),
    CONSTRAINT fk_dim_indicator_priority FOREIGN KEY (priority_key) REFERENCES dbo.dim_priority (priority_key),
    CONSTRAINT fk_dim_indicator_service FOREIGN KEY (service_key) REFERENCES dbo.dim_service (service_key),
    CONSTRAINT fk_dim_indicator_catalogue_load FOREIGN KEY (catalogue_load_id) REFERENCES dbo.catalogue_load (catalogue_load_id),
    CONSTRAINT uq_dim_indicator_version UNIQUE (indicator_code, valid_from)
);
GO
CREATE UNIQUE INDEX ux_dim_indicator_current ON dbo.dim_indicator (indicator_code) WHERE is_current = 1;
GO

-- Targets resolved to the indicator's own periods: a year's target is written for every period
-- of the year, a period's own target overrides it (set_for = 'Period').
CREATE TABLE dbo.fact_target (
    indicator_code      nvarchar(50)    NOT NULL,
    period_key          int             NOT NULL,
    target_value        decimal(19, 6)  NOT NULL,
    amber_threshold     decimal(19, 6)  NULL,
    set_for             nvarchar(20)    NOT NULL,   -- Year | Period
    catalogue_load_id   int             NOT NULL,
    CONSTRAINT pk_fact_target PRIMARY KEY (indicator_code, period_key),
    CONSTRAINT fk_fact_target_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key),
    CONSTRAINT fk_fact_target_catalogue_load FOREIGN KEY (catalogue_load_id) REFERENCES dbo.catalogue_load (catalogue_load_id)
);
GO

CREATE TABLE dbo.submission (
    submission_id       int             NOT NULL IDENTITY(1, 1),
    content_hash        nvarchar(128)   NOT NULL,
    source_kind         nvarchar(20)    NOT NULL,   -- Return | Pull
    service_code        nvarchar(50)    NULL,
    source_name         nvarchar(200)   NULL,
    file_name           nvarchar(260)   NOT NULL,
    blob_path           nvarchar(1024)  NULL,
    sender              nvarchar(320)   NOT NULL,
    received_at         datetime2(3)    NOT NULL,
    processed_at        datetime2(3)    NOT NULL,
    verdict             nvarchar(30)    NOT NULL,   -- Accepted | AcceptedWithWarnings | Rejected | Duplicate
    verdict_reason      nvarchar(4000)  NULL,
    rows_read           int             NOT NULL,
    rows_loaded         int             NOT NULL,
    rows_rejected       int             NOT NULL,
    warnings            int             NOT NULL,
    errors              int             NOT NULL,
    duplicate_of_submission_id int      NULL,
    CONSTRAINT pk_submission PRIMARY KEY (submission_id),
    CONSTRAINT fk_submission_duplicate_of FOREIGN KEY (duplicate_of_submission_id) REFERENCES dbo.submission (submission_id)
);
GO
CREATE INDEX ix_submission_hash ON dbo.submission (content_hash);
GO

-- One row per indicator × period × submission. Exactly one row per indicator and period is
-- current; a later submission supersedes it and the earlier row stays as history.
CREATE TABLE dbo.fact_result (
    result_key          int             NOT NULL IDENTITY(1, 1),
    indicator_key       int             NOT NULL,
    indicator_code      nvarchar(50)    NOT NULL,
    period_key          int             NOT NULL,
    council_key         int             NOT NULL,
    service_key         int             NOT NULL,
    result_value        decimal(19, 6)  NULL,
    numerator           decimal(19, 6)  NULL,
    denominator         decimal(19, 6)  NULL,
    target_value        decimal(19, 6)  NULL,
    tolerance_amount    decimal(19, 6)  NULL,
    tolerance_is_percent bit            NULL,
    amber_threshold     decimal(19, 6)  NULL,
    rag                 nvarchar(20)    NOT NULL,   -- Green | Amber | Red | Data only
    direction_vs_previous nvarchar(20)  NULL,       -- Improving | Steady | Worsening
    direction_vs_last_year nvarchar(20) NULL,
    status              nvarchar(100)   NULL,       -- qualitative self-assessment
    commentary          nvarchar(max)   NULL,
    remedial_action     nvarchar(max)   NULL,
    is_nil_return       bit             NOT NULL,
    submission_id       int             NOT NULL,
    sheet_name          nvarchar(128)   NULL,
    row_number          int             NULL,
    is_current          bit             NOT NULL,
    superseded_by_submission_id int     NULL,
    loaded_at           datetime2(3)    NOT NULL,
    CONSTRAINT pk_fact_result PRIMARY KEY (result_key),
    CONSTRAINT fk_fact_result_indicator FOREIGN KEY (indicator_key) REFERENCES dbo.dim_indicator (indicator_key),
    CONSTRAINT fk_fact_result_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key),
    CONSTRAINT fk_fact_result_council FOREIGN KEY (council_key) REFERENCES dbo.dim_council (council_key),
    CONSTRAINT fk_fact_result_service FOREIGN KEY (service_key) REFERENCES dbo.dim_service (service_key),
    CONSTRAINT fk_fact_result_submission FOREIGN KEY (submission_id) REFERENCES dbo.submission (submission_id),
    CONSTRAINT fk_fact_result_superseded_by FOREIGN KEY (superseded_by_submission_id) REFERENCES dbo.submission (submission_id)
);
GO
CREATE UNIQUE INDEX ux_fact_result_current ON dbo.fact_result (indicator_code, period_key) WHERE is_current = 1;
GO
-- (submission, indicator, period): the loader supersedes and recomputes direction set-based by these.
CREATE INDEX ix_fact_result_submission ON dbo.fact_result (submission_id, indicator_code, period_key);
GO

CREATE TABLE dbo.dq_issue (
    dq_issue_id         int             NOT NULL IDENTITY(1, 1),
    submission_id       int             NOT NULL,
    sheet_name          nvarchar(128)   NULL,
    row_number          int             NULL,
    column_name         nvarchar(128)   NULL,
    rule_id             nvarchar(50)    NOT NULL,
    severity            nvarchar(20)    NOT NULL,   -- Error | Warning
    message             nvarchar(4000)  NOT NULL,
    raw_value           nvarchar(4000)  NULL,
    indicator_code      nvarchar(50)    NULL,
    period_code         nvarchar(20)    NULL,
    CONSTRAINT pk_dq_issue PRIMARY KEY (dq_issue_id),
    CONSTRAINT fk_dq_issue_submission FOREIGN KEY (submission_id) REFERENCES dbo.submission (submission_id)
);
GO
CREATE INDEX ix_dq_issue_submission ON dbo.dq_issue (submission_id);
GO

CREATE TABLE dbo.follow_up (
    follow_up_id        int             NOT NULL IDENTITY(1, 1),
    kind                nvarchar(30)    NOT NULL,   -- Late | Failing | DataQuality | Freshness ...
    indicator_code      nvarchar(50)    NOT NULL,
    period_key          int             NOT NULL,
    service_key         int             NOT NULL,
    owner_email         nvarchar(320)   NOT NULL,
    raised_at           datetime2(3)    NOT NULL,
    due_at              datetime2(3)    NULL,
    status              nvarchar(20)    NOT NULL,   -- Open | Acknowledged | Resolved
    escalation_level    int             NOT NULL,
    last_changed_at     datetime2(3)    NOT NULL,
    resolved_at         datetime2(3)    NULL,
    detail              nvarchar(4000)  NULL,
    CONSTRAINT pk_follow_up PRIMARY KEY (follow_up_id),
    CONSTRAINT fk_follow_up_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key),
    CONSTRAINT fk_follow_up_service FOREIGN KEY (service_key) REFERENCES dbo.dim_service (service_key),
    CONSTRAINT uq_follow_up_kind_indicator_period UNIQUE (kind, indicator_code, period_key)
);
GO

CREATE TABLE dbo.follow_up_event (
    follow_up_event_id  int             NOT NULL IDENTITY(1, 1),
    follow_up_id        int             NOT NULL,
    occurred_at         datetime2(3)    NOT NULL,
    action              nvarchar(20)    NOT NULL,   -- Raised | Escalated | Acknowledged | Resolved | Reopened
    status              nvarchar(20)    NOT NULL,
    escalation_level    int             NOT NULL,
    actor               nvarchar(320)   NULL,
    note                nvarchar(4000)  NULL,
    CONSTRAINT pk_follow_up_event PRIMARY KEY (follow_up_event_id),
    CONSTRAINT fk_follow_up_event_follow_up FOREIGN KEY (follow_up_id) REFERENCES dbo.follow_up (follow_up_id)
);
GO

CREATE TABLE dbo.alert_log (
    alert_id            int             NOT NULL IDENTITY(1, 1),
    created_at          datetime2(3)    NOT NULL,
    transport           nvarchar(20)    NOT NULL,   -- Outbox | Smtp | ...
    recipients          nvarchar(4000)  NOT NULL,
    subject             nvarchar(400)   NOT NULL,
    follow_up_ids       nvarchar(max)   NOT NULL,
    outcome             nvarchar(20)    NOT NULL,   -- Sent | Failed
    error               nvarchar(4000)  NULL,
    CONSTRAINT pk_alert_log PRIMARY KEY (alert_id)
);
GO
