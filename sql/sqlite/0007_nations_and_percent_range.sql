-- Councils in Scotland and Northern Ireland, and percentages allowed beyond 0-100. Mirrors
-- sql/sqlserver/0007_nations_and_percent_range.sql column for column.

-- The UK nation whose bank holidays a council's due dates, reminders and escalations count working
-- days by: England, Wales, Scotland or Northern Ireland (the catalogue's Councils sheet; England if not given).
ALTER TABLE dim_council ADD COLUMN nation TEXT NOT NULL DEFAULT 'England'
    CHECK (nation IN ('England', 'Wales', 'Scotland', 'Northern Ireland'));

-- 1 when the indicator's percentage may lie below 0 or above 100 (outturn as a % of budget, a % change):
-- DQ043 then lets it through. The catalogue's 'Percent beyond 0-100' column.
ALTER TABLE dim_indicator ADD COLUMN percent_beyond_range INTEGER NOT NULL DEFAULT 0;

-- The sweep's due dates are per nation now: one row per (period, due working days, nation).
DROP TABLE sweep_period_due;
CREATE TABLE sweep_period_due (
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    due_working_days    INTEGER NOT NULL,
    nation              TEXT    NOT NULL,
    due_on              TEXT    NOT NULL,
    PRIMARY KEY (period_key, due_working_days, nation)
);

-- The dates one sweep compares due dates with, per nation (SweepDates): working days back and forward
-- from today differ where bank holidays do.
CREATE TABLE sweep_nation (
    nation              TEXT    NOT NULL PRIMARY KEY,
    remind_by           TEXT    NOT NULL,
    overdue_by          TEXT    NOT NULL,
    director_by         TEXT    NOT NULL,
    team_by             TEXT    NOT NULL
);

-- The nation of the council whose indicator raised the flag: its escalation counts that nation's working days.
ALTER TABLE sweep_flag ADD COLUMN nation TEXT NOT NULL DEFAULT 'England';
