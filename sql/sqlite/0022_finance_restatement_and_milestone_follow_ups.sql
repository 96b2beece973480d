-- Finance restated after publication: a corrected Finance row for a quarter its council has published
-- (with a reason in Commentary, rule DQ098) records what was published, what it is now and why, as
-- results do in restatement (0011). Each milestone of an action gets its own follow-up (below).
-- Mirrors sql/sqlserver/0022_finance_restatement_and_milestone_follow_ups.sql.

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

-- Two milestones of one action due in the same quarter are two follow-ups: a follow-up (and the sweep's
-- flag) is keyed by its subject too, the milestone's name for a Milestone follow-up and '' for every other
-- kind. SQLite cannot change a table's UNIQUE constraint, so follow_up is rebuilt, with follow_up_event
-- (which references it) and v_follow_up (unchanged) around it; ids and history are kept.
DROP VIEW v_follow_up;

CREATE TABLE follow_up_next (
    follow_up_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                TEXT    NOT NULL,
    indicator_code      TEXT    NOT NULL,           -- the indicator, or the action for Milestone and an action's DataQuality
    period_key          INTEGER NOT NULL REFERENCES dim_period (period_key),
    service_key         INTEGER NOT NULL REFERENCES dim_service (service_key),
    owner_email         TEXT    NOT NULL,
    raised_at           TEXT    NOT NULL,
    due_at              TEXT    NULL,
    status              TEXT    NOT NULL,
    escalation_level    INTEGER NOT NULL,
    last_changed_at     TEXT    NOT NULL,
    resolved_at         TEXT    NULL,
    detail              TEXT    NULL,
    notified_at         TEXT    NULL,
    notified_level      INTEGER NULL,
    notified_status     TEXT    NULL,
    resolved_by         TEXT    NULL,
    subject             TEXT    NOT NULL DEFAULT '', -- which milestone (its name); '' for the other kinds
    UNIQUE (kind, indicator_code, period_key, subject)
);
INSERT INTO follow_up_next (follow_up_id, kind, indicator_code, period_key, service_key, owner_email, raised_at, due_at, status,
                            escalation_level, last_changed_at, resolved_at, detail, notified_at, notified_level, notified_status, resolved_by, subject)
SELECT follow_up_id, kind, indicator_code, period_key, service_key, owner_email, raised_at, due_at, status,
       escalation_level, last_changed_at, resolved_at, detail, notified_at, notified_level, notified_status, resolved_by,
       CASE WHEN kind = 'Milestone' THEN COALESCE(detail, '') ELSE '' END
FROM follow_up;

CREATE TABLE follow_up_event_next (
    follow_up_event_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    follow_up_id        INTEGER NOT NULL REFERENCES follow_up_next (follow_up_id),
    occurred_at         TEXT    NOT NULL,
    action              TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    escalation_level    INTEGER NOT NULL,
    actor               TEXT    NULL,
    note                TEXT    NULL,
    actor_email         TEXT    NULL                -- 0021: who changed it on the web, by address
);
INSERT INTO follow_up_event_next (follow_up_event_id, follow_up_id, occurred_at, action, status, escalation_level, actor, note, actor_email)
SELECT follow_up_event_id, follow_up_id, occurred_at, action, status, escalation_level, actor, note, actor_email FROM follow_up_event;

DROP TABLE follow_up_event;
DROP TABLE follow_up;
-- Renaming rewrites follow_up_event_next's reference to follow_up_next into one to follow_up.
ALTER TABLE follow_up_next RENAME TO follow_up;
ALTER TABLE follow_up_event_next RENAME TO follow_up_event;
CREATE INDEX ix_follow_up_service_status ON follow_up (service_key, status);
CREATE INDEX ix_follow_up_event_follow_up ON follow_up_event (follow_up_id);

CREATE VIEW v_follow_up AS
SELECT f.follow_up_id       AS "Follow-up id",
       f.kind               AS "Kind",
       f.indicator_code     AS "Indicator code",
       f.period_key         AS "Period key",
       f.service_key        AS "Service key",
       f.owner_email        AS "Owner email",
       f.raised_at          AS "Raised at",
       f.due_at             AS "Due at",
       f.status             AS "Status",
       CASE WHEN f.status = 'Resolved' THEN 'No' ELSE 'Yes' END AS "Open",
       f.escalation_level   AS "Escalation level",
       f.last_changed_at    AS "Last changed at",
       f.resolved_at        AS "Resolved at",
       f.detail             AS "Detail"
FROM follow_up AS f;

-- The sweep's work table, rewritten by each run: keyed by subject as follow_up is.
DROP TABLE sweep_flag;
CREATE TABLE sweep_flag (
    kind                TEXT    NOT NULL,
    indicator_code      TEXT    NOT NULL,
    period_key          INTEGER NOT NULL,
    service_key         INTEGER NOT NULL,
    owner_email         TEXT    NOT NULL,
    due_at              TEXT    NOT NULL,
    escalation_level    INTEGER NOT NULL,
    detail              TEXT    NULL,
    nation              TEXT    NOT NULL DEFAULT 'England',
    subject             TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (kind, indicator_code, period_key, subject)
);
