-- Follow-up sweep and alert digests. Mirrors sql/sqlite/0004_follow_up.sql column for column.

-- What each follow-up last went out as in a digest: an unchanged item is not mailed again within the
-- cool-down unless it escalated; a resolution is reported once. NULL until first mailed.
ALTER TABLE dbo.follow_up ADD
    notified_at         datetime2(3)    NULL,
    notified_level      int             NULL,
    notified_status     nvarchar(20)    NULL,
    -- Who resolved it: 'sweep' when the condition cleared (it reopens if the condition returns), else the person.
    resolved_by         nvarchar(320)   NULL;
GO
CREATE INDEX ix_follow_up_service_status ON dbo.follow_up (service_key, status);
GO

-- Work tables of one sweep, rewritten by each run inside its transaction.
-- The due date of every (period, due working days) pair the sweep looks at, computed in C# by
-- WorkingDayCalendar (working days and bank holidays are not SQL's business).
CREATE TABLE dbo.sweep_period_due (
    period_key          int             NOT NULL,
    due_working_days    int             NOT NULL,
    due_on              date            NOT NULL,
    CONSTRAINT pk_sweep_period_due PRIMARY KEY (period_key, due_working_days),
    CONSTRAINT fk_sweep_period_due_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key)
);
GO

-- Every condition that holds as of the sweep: one row per kind × indicator × period.
CREATE TABLE dbo.sweep_flag (
    kind                nvarchar(30)    NOT NULL,
    indicator_code      nvarchar(50)    NOT NULL,
    period_key          int             NOT NULL,
    service_key         int             NOT NULL,
    owner_email         nvarchar(320)   NOT NULL,
    due_at              date            NOT NULL,
    escalation_level    int             NOT NULL,
    detail              nvarchar(4000)  NULL,
    CONSTRAINT pk_sweep_flag PRIMARY KEY (kind, indicator_code, period_key)
);
GO

CREATE INDEX ix_follow_up_event_follow_up ON dbo.follow_up_event (follow_up_id);
GO
