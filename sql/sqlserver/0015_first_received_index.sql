-- Every row of an indicator and period (current or not) by index, with its submission: v_result's first
-- received date groups by these. Mirrors sql/sqlite/0015_first_received_index.sql, where v_result is also
-- rewritten to look the date up a row at a time (SQLite materialised the grouping whole).
CREATE INDEX ix_fact_result_history ON dbo.fact_result (indicator_code, period_key, submission_id);
GO
