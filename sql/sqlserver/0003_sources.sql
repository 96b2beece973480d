-- Sources: each pull from a service system is recorded as a run, so the sweep can raise a
-- freshness follow-up for a source that keeps failing or returns nothing; a watermark per source
-- says up to which day periods are final and are never asked for again.

CREATE TABLE dbo.source_run (
    source_run_id       int             NOT NULL IDENTITY(1, 1),
    source_name         nvarchar(200)   NOT NULL,
    source_kind         nvarchar(20)    NOT NULL,   -- rest | sql
    as_of               datetime2(3)    NOT NULL,
    started_at          datetime2(3)    NOT NULL,
    finished_at         datetime2(3)    NOT NULL,
    outcome             nvarchar(30)    NOT NULL,   -- Loaded | LoadedWithWarnings | Unchanged | Empty | Rejected | Failed
    periods_from        nvarchar(20)    NULL,
    periods_to          nvarchar(20)    NULL,
    requests            int             NOT NULL,
    attempts            int             NOT NULL,
    records_read        int             NOT NULL,
    submission_id       int             NULL,
    message             nvarchar(4000)  NULL,
    CONSTRAINT pk_source_run PRIMARY KEY (source_run_id),
    CONSTRAINT fk_source_run_submission FOREIGN KEY (submission_id) REFERENCES dbo.submission (submission_id)
);
GO

CREATE INDEX ix_source_run_source ON dbo.source_run (source_name, started_at);
GO

CREATE TABLE dbo.source_watermark (
    source_name         nvarchar(200)   NOT NULL,
    final_through       date            NOT NULL,
    last_success_at     datetime2(3)    NOT NULL,
    last_run_id         int             NOT NULL,
    CONSTRAINT pk_source_watermark PRIMARY KEY (source_name),
    CONSTRAINT fk_source_watermark_run FOREIGN KEY (last_run_id) REFERENCES dbo.source_run (source_run_id)
);
GO
