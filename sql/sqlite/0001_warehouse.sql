-- PMF warehouse, embedded (SQLite) dialect. Mirrors sql/sqlserver/0001_warehouse.sql column for column.
-- Star schema: dim_* are dimensions, fact_* facts; the rest is the pipeline's own record.
-- Dates are ISO-8601 text (yyyy-mm-dd); instants are ISO-8601 UTC text (yyyy-mm-ddThh:mm:ss.fffZ).

CREATE TABLE dim_date (
    date_key            INTEGER PRIMARY KEY,        -- yyyymmdd
    calendar_date       TEXT    NOT NULL UNIQUE,
    financial_year      TEXT    NOT NULL,           -- 2025/26
    financial_quarter   INTEGER NOT NULL,           -- 1 = Apr-Jun
    financial_month     INTEGER NOT NULL,           -- 1 = April
    quarter_code        TEXT    NOT NULL,           -- 2025/26 Q1
    month_code          TEXT    NOT NULL,           -- 2025/26 M01
    calendar_year       INTEGER NOT NULL,
    calendar_month      INTEGER NOT NULL,
    month_name          TEXT    NOT NULL,
    day_of_week         TEXT    NOT NULL,
    is_working_day      INTEGER NOT NULL,
    is_bank_holiday     INTEGER NOT NULL,
    holiday_name        TEXT    NULL
);

CREATE TABLE dim_period (
    period_key          INTEGER PRIMARY KEY,        -- Period.SortKey: yyyy00 year, yyyy1q quarter, yyyy2m/yyyy3m month
    period_code         TEXT    NOT NULL UNIQUE,    -- 2025/26 Q1
    frequency           TEXT    NOT NULL,           -- Monthly | Quarterly | Annual
    financial_year      TEXT    NOT NULL,
    period_number       INTEGER NOT NULL,
    period_label        TEXT    NOT NULL,           -- Apr-Jun 2025
    start_date          TEXT    NOT NULL,
    end_date            TEXT    NOT NULL,
    start_date_key      INTEGER NOT NULL,
    end_date_key        INTEGER NOT NULL,
    previous_period_key INTEGER NOT NULL,           -- the period before, same frequency (direction of travel)
    same_period_last_year_key INTEGER NOT NULL
);

CREATE TABLE catalogue_load (
    catalogue_load_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name           TEXT    NOT NULL,
    content_hash        TEXT    NOT NULL,
    loaded_at           TEXT    NOT NULL,
    effective_from      TEXT    NOT NULL,
    councils            INTEGER NOT NULL,
    priorities          INTEGER NOT NULL,
    services            INTEGER NOT NULL,
    indicators          INTEGER NOT NULL,
    targets             INTEGER NOT NULL,
    indicator_versions_added INTEGER NOT NULL
);

CREATE TABLE dim_council (
    council_key         INTEGER PRIMARY KEY AUTOINCREMENT,
    council_code        TEXT    NOT NULL UNIQUE,
    council_name        TEXT    NOT NULL
);

CREATE TABLE dim_priority (
    priority_key        INTEGER PRIMARY KEY AUTOINCREMENT,
    council_key         INTEGER NOT NULL REFERENCES dim_council (council_key),
    priority_code       TEXT    NOT NULL,
    priority_name       TEXT    NOT NULL,
    objective_code      TEXT    NOT NULL DEFAULT '', -- '' for the priority itself
    objective_name      TEXT    NULL,
    UNIQUE (council_key, priority_code, objective_code)
);

CREATE TABLE dim_service (
    service_key         INTEGER PRIMARY KEY AUTOINCREMENT,
    service_code        TEXT    NOT NULL UNIQUE,
    service_name        TEXT    NOT NULL,
    head_of_service     TEXT    NOT NULL,
    head_of_service_email TEXT  NOT NULL,
    director            TEXT    NULL,
    director_email      TEXT    NULL
);

-- Type-2: one row per version of an indicator's definition. A period is measured under the
-- version in force on its last day (valid_from <= end_date < valid_to).
CREATE TABLE dim_indicator (
    indicator_key       INTEGER PRIMARY KEY AUTOINCREMENT,
    indicator_code      TEXT    NOT NULL,
    indicator_name      TEXT    NOT NULL,
    description         TEXT    NULL,
    council_key         INTEGER NOT NULL REFERENCES dim_council (council_key),
    priority_key        INTEGER NOT NULL REFERENCES dim_priority (priority_key),
    service_key         INTEGER NOT NULL REFERENCES dim_service (service_key),
    indicator_type      TEXT    NOT NULL,           -- Quantitative | Qualitative
    unit                TEXT    NOT NULL,           -- % | count | £ | days | ratio | score
    polarity            TEXT    NOT NULL,           -- Higher is better | Lower is better | None
    frequency           TEXT    NOT NULL,
    multiplier          NUMERIC NOT NULL,
    tolerance_amount    NUMERIC NOT NULL,
    tolerance_is_percent INTEGER NOT NULL,
    due_working_days    INTEGER NOT NULL,
    source              TEXT    NOT NULL,
    lead_officer        TEXT    NULL,
    committee           TEXT    NULL,
    active_from         TEXT    NULL,
    active_to           TEXT    NULL,
    valid_from          TEXT    NOT NULL,
    valid_to            TEXT    NULL,               -- NULL while current
    is_current          INTEGER NOT NULL,
    definition_hash     TEXT    NOT NULL,
    catalogue_load_id   INTEGER NOT NULL REFERENCES catalogue_load (catalogue_load_id),
    UNIQUE (indicator_code, valid_from)
);
CREATE UNIQUE INDEX ux_dim_indicator_current ON dim_indicator (indicator_code) WHERE is_current = 1;

-- Targets resolved to the indicator's own periods: a year's target is written for every period
-- of the year, a period's own target overrides it (set_for = 'Period').
CREATE TABLE fact_target (
    indicator_code      TEXT    NOT NULL,
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    target_value        NUMERIC NOT NULL,
    amber_threshold     NUMERIC NULL,
    set_for             TEXT    NOT NULL,           -- Year | Period
    catalogue_load_id   INTEGER NOT NULL REFERENCES catalogue_load (catalogue_load_id),
    PRIMARY KEY (indicator_code, period_key)
);

CREATE TABLE submission (
    submission_id       INTEGER PRIMARY KEY AUTOINCREMENT,
    content_hash        TEXT    NOT NULL,
    source_kind         TEXT    NOT NULL,           -- Return | Pull
    service_code        TEXT    NULL,
    source_name         TEXT    NULL,
    file_name           TEXT    NOT NULL,
    blob_path           TEXT    NULL,
    sender              TEXT    NOT NULL,
    received_at         TEXT    NOT NULL,
    processed_at        TEXT    NOT NULL,
    verdict             TEXT    NOT NULL,           -- Accepted | AcceptedWithWarnings | Rejected | Duplicate
    verdict_reason      TEXT    NULL,
    rows_read           INTEGER NOT NULL,
    rows_loaded         INTEGER NOT NULL,
    rows_rejected       INTEGER NOT NULL,
    warnings            INTEGER NOT NULL,
    errors              INTEGER NOT NULL,
    duplicate_of_submission_id INTEGER NULL REFERENCES submission (submission_id)
);
CREATE INDEX ix_submission_hash ON submission (content_hash);

-- One row per indicator × period × submission. Exactly one row per indicator and period is
-- current; a later submission supersedes it and the earlier row stays as history.
CREATE TABLE fact_result (
    result_key          INTEGER PRIMARY KEY AUTOINCREMENT,
    indicator_key       INTEGER NOT NULL REFERENCES dim_indicator (indicator_key),
    indicator_code      TEXT    NOT NULL,
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    council_key         INTEGER NOT NULL REFERENCES dim_council (council_key),
    service_key         INTEGER NOT NULL REFERENCES dim_service (service_key),
    result_value        NUMERIC NULL,
    numerator           NUMERIC NULL,
    denominator         NUMERIC NULL,
    target_value        NUMERIC NULL,
    tolerance_amount    NUMERIC NULL,
    tolerance_is_percent INTEGER NULL,
    amber_threshold     NUMERIC NULL,
    rag                 TEXT    NOT NULL,           -- Green | Amber | Red | Data only
    direction_vs_previous TEXT  NULL,               -- Improving | Steady | Worsening
    direction_vs_last_year TEXT NULL,
    status              TEXT    NULL,               -- qualitative self-assessment
    commentary          TEXT    NULL,
    remedial_action     TEXT    NULL,
    is_nil_return       INTEGER NOT NULL,
    submission_id       INTEGER NOT NULL REFERENCES submission (submission_id),
    sheet_name          TEXT    NULL,
    row_number          INTEGER NULL,
    is_current          INTEGER NOT NULL,
    superseded_by_submission_id INTEGER NULL REFERENCES submission (submission_id),
    loaded_at           TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_fact_result_current ON fact_result (indicator_code, period_key) WHERE is_current = 1;
-- (submission, indicator, period): the loader supersedes and recomputes direction set-based by these.
CREATE INDEX ix_fact_result_submission ON fact_result (submission_id, indicator_code, period_key);

CREATE TABLE dq_issue (
    dq_issue_id         INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id       INTEGER NOT NULL REFERENCES submission (submission_id),
    sheet_name          TEXT    NULL,
    row_number          INTEGER NULL,
    column_name         TEXT    NULL,
    rule_id             TEXT    NOT NULL,
    severity            TEXT    NOT NULL,           -- Error | Warning
    message             TEXT    NOT NULL,
    raw_value           TEXT    NULL,
    indicator_code      TEXT    NULL,
    period_code         TEXT    NULL
);
CREATE INDEX ix_dq_issue_submission ON dq_issue (submission_id);

CREATE TABLE follow_up (
    follow_up_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                TEXT    NOT NULL,           -- Late | Failing | DataQuality | Freshness ...
    indicator_code      TEXT    NOT NULL,
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    service_key         INTEGER NOT NULL REFERENCES dim_service (service_key),
    owner_email         TEXT    NOT NULL,
    raised_at           TEXT    NOT NULL,
    due_at              TEXT    NULL,
    status              TEXT    NOT NULL,           -- Open | Acknowledged | Resolved
    escalation_level    INTEGER NOT NULL,
    last_changed_at     TEXT    NOT NULL,
    resolved_at         TEXT    NULL,
    detail              TEXT    NULL,
    UNIQUE (kind, indicator_code, period_key)
);

CREATE TABLE follow_up_event (
    follow_up_event_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    follow_up_id        INTEGER NOT NULL REFERENCES follow_up (follow_up_id),
    occurred_at         TEXT    NOT NULL,
    action              TEXT    NOT NULL,           -- Raised | Escalated | Acknowledged | Resolved | Reopened
    status              TEXT    NOT NULL,
    escalation_level    INTEGER NOT NULL,
    actor               TEXT    NULL,
    note                TEXT    NULL
);

CREATE TABLE alert_log (
    alert_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at          TEXT    NOT NULL,
    transport           TEXT    NOT NULL,           -- Outbox | Smtp | ...
    recipients          TEXT    NOT NULL,
    subject             TEXT    NOT NULL,
    follow_up_ids       TEXT    NOT NULL,
    outcome             TEXT    NOT NULL,           -- Sent | Failed
    error               TEXT    NULL
);
