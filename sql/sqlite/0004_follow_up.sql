-- Follow-up sweep and alert digests. Mirrors sql/sqlserver/0004_follow_up.sql column for column.

-- What each follow-up last went out as in a digest: an unchanged item is not mailed again within the
-- cool-down unless it escalated; a resolution is reported once. NULL until first mailed.
ALTER TABLE follow_up ADD COLUMN notified_at TEXT NULL;
ALTER TABLE follow_up ADD COLUMN notified_level INTEGER NULL;
ALTER TABLE follow_up ADD COLUMN notified_status TEXT NULL;
-- Who resolved it: 'sweep' when the condition cleared (it reopens if the condition returns), else the person.
ALTER TABLE follow_up ADD COLUMN resolved_by TEXT NULL;
CREATE INDEX ix_follow_up_service_status ON follow_up (service_key, status);

-- Work tables of one sweep, rewritten by each run inside its transaction.
-- The due date of every (period, due working days) pair the sweep looks at, computed in C# by
-- WorkingDayCalendar (working days and bank holidays are not SQL's business).
CREATE TABLE sweep_period_due (
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    due_working_days    INTEGER NOT NULL,
    due_on              TEXT    NOT NULL,
    PRIMARY KEY (period_key, due_working_days)
);

-- Every condition that holds as of the sweep: one row per kind × indicator × period.
CREATE TABLE sweep_flag (
    kind                TEXT    NOT NULL,
    indicator_code      TEXT    NOT NULL,
    period_key          INTEGER NOT NULL,
    service_key         INTEGER NOT NULL,
    owner_email         TEXT    NOT NULL,
    due_at              TEXT    NOT NULL,
    escalation_level    INTEGER NOT NULL,
    detail              TEXT    NULL,
    PRIMARY KEY (kind, indicator_code, period_key)
);

CREATE INDEX ix_follow_up_event_follow_up ON follow_up_event (follow_up_id);
