-- Councils in Scotland and Northern Ireland, and percentages allowed beyond 0-100. Mirrors
-- sql/sqlite/0007_nations_and_percent_range.sql, which says what each column is for.
ALTER TABLE dbo.dim_council ADD nation nvarchar(20) NOT NULL
    CONSTRAINT df_dim_council_nation DEFAULT 'England'
    CONSTRAINT ck_dim_council_nation CHECK (nation IN ('England', 'Wales', 'Scotland', 'Northern Ireland'));
GO

ALTER TABLE dbo.dim_indicator ADD percent_beyond_range bit NOT NULL CONSTRAINT df_dim_indicator_percent_beyond_range DEFAULT 0;
GO

-- The sweep's due dates are per nation now. A work table, rewritten by every sweep: nothing to keep.
DROP TABLE dbo.sweep_period_due;
GO

CREATE TABLE dbo.sweep_period_due (
    period_key          int             NOT NULL,
    due_working_days    int             NOT NULL,
    nation              nvarchar(20)    NOT NULL,
    due_on              date            NOT NULL,
    CONSTRAINT pk_sweep_period_due PRIMARY KEY (period_key, due_working_days, nation),
    CONSTRAINT fk_sweep_period_due_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key)
);
GO

CREATE TABLE dbo.sweep_nation (
    nation              nvarchar(20)    NOT NULL,
    remind_by           date            NOT NULL,
    overdue_by          date            NOT NULL,
    director_by         date            NOT NULL,
    team_by             date            NOT NULL,
    CONSTRAINT pk_sweep_nation PRIMARY KEY (nation)
);
GO

ALTER TABLE dbo.sweep_flag ADD nation nvarchar(20) NOT NULL CONSTRAINT df_sweep_flag_nation DEFAULT 'England';
GO
