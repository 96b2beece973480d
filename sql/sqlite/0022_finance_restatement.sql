-- Finance restated after publication: a corrected Finance row for a quarter its council has published
-- (with a reason in Commentary, rule DQ098) records what was published, what it is now and why, as
-- results do in restatement (0011). Mirrors sql/sqlserver/0022_finance_restatement.sql.

-- One row per finance figure changed after publication. old/new_finance_key: the superseded row and
-- the one that replaced it (both stay in fact_finance). Amounts as the service gave them.
CREATE TABLE finance_restatement (
    finance_restatement_id INTEGER PRIMARY KEY AUTOINCREMENT,
    council_key         INTEGER NOT NULL REFERENCES dim_council (council_key),
    service_key         INTEGER NOT NULL REFERENCES dim_service (service_key),
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    old_finance_key     INTEGER NOT NULL REFERENCES fact_finance (finance_key),
    new_finance_key     INTEGER NOT NULL REFERENCES fact_finance (finance_key),
    old_budget          NUMERIC NOT NULL,
    new_budget          NUMERIC NOT NULL,
    old_forecast_outturn NUMERIC NOT NULL,
    new_forecast_outturn NUMERIC NOT NULL,
    old_variance        NUMERIC NOT NULL,
    new_variance        NUMERIC NOT NULL,
    reason              TEXT    NOT NULL,
    recorded_at         TEXT    NOT NULL,
    submission_id       INTEGER NOT NULL REFERENCES submission (submission_id)
);
CREATE INDEX ix_finance_restatement_council ON finance_restatement (council_key, period_key);
-- Foreign keys from fact_finance: a rejected submission's rows are deleted, and SQLite checks these.
CREATE INDEX ix_finance_restatement_old ON finance_restatement (old_finance_key);
CREATE INDEX ix_finance_restatement_new ON finance_restatement (new_finance_key);
