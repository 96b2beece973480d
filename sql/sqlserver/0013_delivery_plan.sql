-- The delivery plans' actions and their milestones (the catalogue's optional Actions and Milestones
-- sheets). Mirrors sql/sqlite/0013_delivery_plan.sql column for column.
-- Rule of sql/sqlserver (tests/Pmf.Pipeline.Tests/Warehouse/SqlServerSchemaTests.cs): every statement ends with GO.

CREATE TABLE dbo.dim_action (
    action_key          int             NOT NULL IDENTITY(1, 1),
    action_code         nvarchar(50)    NOT NULL,
    action_name         nvarchar(400)   NOT NULL,
    council_key         int             NOT NULL,
    priority_key        int             NOT NULL,
    service_key         int             NOT NULL,
    lead_officer        nvarchar(200)   NULL,
    start_date          date            NULL,
    end_date            date            NULL,
    is_current          bit             NOT NULL CONSTRAINT df_dim_action_is_current DEFAULT 1,
    CONSTRAINT pk_dim_action PRIMARY KEY (action_key),
    CONSTRAINT uq_dim_action_action_code UNIQUE (action_code),
    CONSTRAINT fk_dim_action_council FOREIGN KEY (council_key) REFERENCES dbo.dim_council (council_key),
    CONSTRAINT fk_dim_action_priority FOREIGN KEY (priority_key) REFERENCES dbo.dim_priority (priority_key),
    CONSTRAINT fk_dim_action_service FOREIGN KEY (service_key) REFERENCES dbo.dim_service (service_key)
);
GO

CREATE TABLE dbo.dim_milestone (
    milestone_key       int             NOT NULL IDENTITY(1, 1),
    action_key          int             NOT NULL,
    milestone_name      nvarchar(400)   NOT NULL,
    due_date            date            NOT NULL,
    due_date_key        int             NOT NULL,
    CONSTRAINT pk_dim_milestone PRIMARY KEY (milestone_key),
    CONSTRAINT fk_dim_milestone_action FOREIGN KEY (action_key) REFERENCES dbo.dim_action (action_key)
);
GO

CREATE VIEW dbo.v_action AS
SELECT a.action_key         AS [Action key],
       a.action_code        AS [Action code],
       a.action_name        AS [Action],
       c.council_code       AS [Council code],
       a.priority_key       AS [Priority key],
       s.service_code       AS [Service code],
       a.lead_officer       AS [Lead officer],
       a.start_date         AS [Start date],
       a.end_date           AS [End date]
FROM dbo.dim_action AS a
INNER JOIN dbo.dim_council AS c ON c.council_key = a.council_key
INNER JOIN dbo.dim_service AS s ON s.service_key = a.service_key
WHERE a.is_current = 1
GO

CREATE VIEW dbo.v_milestone AS
SELECT m.milestone_key      AS [Milestone key],
       m.action_key         AS [Action key],
       m.milestone_name     AS [Milestone],
       m.due_date           AS [Due date],
       m.due_date_key       AS [Due date key]
FROM dbo.dim_milestone AS m
GO
