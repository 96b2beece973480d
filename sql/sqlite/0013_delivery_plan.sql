-- The delivery plans' actions and their milestones (the catalogue's optional Actions and Milestones
-- sheets). Mirrors sql/sqlserver/0013_delivery_plan.sql column for column.

-- One row per action, updated in place; an action dropped from the catalogue stays, with is_current = 0.
CREATE TABLE dim_action (
    action_key          INTEGER PRIMARY KEY AUTOINCREMENT,
    action_code         TEXT    NOT NULL UNIQUE,
    action_name         TEXT    NOT NULL,
    council_key         INTEGER NOT NULL REFERENCES dim_council (council_key),
    priority_key        INTEGER NOT NULL REFERENCES dim_priority (priority_key),
    service_key         INTEGER NOT NULL REFERENCES dim_service (service_key),
    lead_officer        TEXT    NULL,
    start_date          TEXT    NULL,
    end_date            TEXT    NULL,
    is_current          INTEGER NOT NULL DEFAULT 1
);

-- The current actions' milestones, rewritten at every catalogue load.
CREATE TABLE dim_milestone (
    milestone_key       INTEGER PRIMARY KEY AUTOINCREMENT,
    action_key          INTEGER NOT NULL REFERENCES dim_action (action_key),
    milestone_name      TEXT    NOT NULL,
    due_date            TEXT    NOT NULL,
    due_date_key        INTEGER NOT NULL
);

CREATE VIEW v_action AS
SELECT a.action_key         AS "Action key",
       a.action_code        AS "Action code",
       a.action_name        AS "Action",
       c.council_code       AS "Council code",
       a.priority_key       AS "Priority key",
       s.service_code       AS "Service code",
       a.lead_officer       AS "Lead officer",
       a.start_date         AS "Start date",
       a.end_date           AS "End date"
FROM dim_action AS a
INNER JOIN dim_council AS c ON c.council_key = a.council_key
INNER JOIN dim_service AS s ON s.service_key = a.service_key
WHERE a.is_current = 1;

CREATE VIEW v_milestone AS
SELECT m.milestone_key      AS "Milestone key",
       m.action_key         AS "Action key",
       m.milestone_name     AS "Milestone",
       m.due_date           AS "Due date",
       m.due_date_key       AS "Due date key"
FROM dim_milestone AS m;
