-- Publication steps and restatements. Mirrors sql/sqlite/0011_publication.sql, which says what each column is for.
CREATE TABLE dbo.publication_step (
    publication_step_id int             NOT NULL IDENTITY(1, 1),
    council_key         int             NOT NULL,
    period_key          int             NOT NULL,
    stage               nvarchar(20)    NOT NULL,
    taken_by            nvarchar(200)   NOT NULL,
    taken_at            datetime2(3)    NOT NULL,
    committee           nvarchar(200)   NULL,
    note                nvarchar(2000)  NULL,
    results             int             NOT NULL CONSTRAINT df_publication_step_results DEFAULT 0,
    red_results         int             NOT NULL CONSTRAINT df_publication_step_red_results DEFAULT 0,
    CONSTRAINT pk_publication_step PRIMARY KEY (publication_step_id),
    CONSTRAINT ck_publication_step_stage CHECK (stage IN ('Reviewed', 'Approved', 'Published')),
    CONSTRAINT fk_publication_step_council FOREIGN KEY (council_key) REFERENCES dbo.dim_council (council_key),
    CONSTRAINT fk_publication_step_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key)
);
GO

CREATE INDEX ix_publication_step ON dbo.publication_step (council_key, period_key, stage);
GO

CREATE TABLE dbo.restatement (
    restatement_id      int             NOT NULL IDENTITY(1, 1),
    council_key         int             NOT NULL,
    indicator_code      nvarchar(50)    NOT NULL,
    period_key          int             NOT NULL,
    published_period_key int            NOT NULL,
    old_result_key      int             NOT NULL,
    new_result_key      int             NOT NULL,
    old_value           decimal(19, 6)  NULL,
    new_value           decimal(19, 6)  NULL,
    old_rag             nvarchar(20)    NOT NULL,
    new_rag             nvarchar(20)    NOT NULL,
    kind                nvarchar(20)    NOT NULL,
    reason              nvarchar(max)   NOT NULL,
    recorded_at         datetime2(3)    NOT NULL,
    submission_id       int             NULL,
    CONSTRAINT pk_restatement PRIMARY KEY (restatement_id),
    CONSTRAINT ck_restatement_kind CHECK (kind IN ('Correction', 'Rescore')),
    CONSTRAINT fk_restatement_council FOREIGN KEY (council_key) REFERENCES dbo.dim_council (council_key),
    CONSTRAINT fk_restatement_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key),
    CONSTRAINT fk_restatement_published_period FOREIGN KEY (published_period_key) REFERENCES dbo.dim_period (period_key),
    CONSTRAINT fk_restatement_old_result FOREIGN KEY (old_result_key) REFERENCES dbo.fact_result (result_key),
    CONSTRAINT fk_restatement_new_result FOREIGN KEY (new_result_key) REFERENCES dbo.fact_result (result_key),
    CONSTRAINT fk_restatement_submission FOREIGN KEY (submission_id) REFERENCES dbo.submission (submission_id)
);
GO

CREATE INDEX ix_restatement_council ON dbo.restatement (council_key, period_key);
GO

CREATE INDEX ix_restatement_old_result ON dbo.restatement (old_result_key);
GO

CREATE INDEX ix_restatement_new_result ON dbo.restatement (new_result_key);
GO

CREATE VIEW dbo.v_result_published AS
SELECT v.*
FROM dbo.v_result AS v
INNER JOIN dbo.dim_period AS rp ON rp.period_key = v.[Period key]
WHERE EXISTS (SELECT 1
              FROM dbo.publication_step AS ps
              INNER JOIN dbo.dim_period AS pp ON pp.period_key = ps.period_key
              WHERE ps.council_key = v.[Council key] AND ps.stage = 'Published'
                AND rp.start_date >= pp.start_date AND rp.end_date <= pp.end_date)
GO

CREATE VIEW dbo.v_publication AS
SELECT c.council_code       AS [Council],
       p.period_code        AS [Period],
       ps.stage             AS [Stage],
       ps.taken_by          AS [By],
       ps.taken_at          AS [Taken at],
       ps.committee         AS [Committee],
       ps.note              AS [Note],
       ps.results           AS [Results],
       ps.red_results       AS [Red results]
FROM dbo.publication_step AS ps
INNER JOIN dbo.dim_council AS c ON c.council_key = ps.council_key
INNER JOIN dbo.dim_period AS p ON p.period_key = ps.period_key
GO
