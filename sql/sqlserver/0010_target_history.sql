-- Targets with history, and how an indicator accumulates. Mirrors sql/sqlite/0010_target_history.sql,
-- which says what each column is for.
CREATE TABLE dbo.target_version (
    target_version_id   int             NOT NULL IDENTITY(1, 1),
    indicator_code      nvarchar(50)    NOT NULL,
    period_key          int             NOT NULL,
    target_value        decimal(19, 6)  NOT NULL,
    amber_threshold     decimal(19, 6)  NULL,
    set_for             nvarchar(20)    NOT NULL,
    valid_from          date            NOT NULL,
    reason              nvarchar(1000)  NULL,
    replaces_version_id int             NULL,
    catalogue_load_id   int             NOT NULL,
    CONSTRAINT pk_target_version PRIMARY KEY (target_version_id),
    CONSTRAINT fk_target_version_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key),
    CONSTRAINT fk_target_version_replaces FOREIGN KEY (replaces_version_id) REFERENCES dbo.target_version (target_version_id),
    CONSTRAINT fk_target_version_catalogue_load FOREIGN KEY (catalogue_load_id) REFERENCES dbo.catalogue_load (catalogue_load_id)
);
GO

CREATE INDEX ix_target_version ON dbo.target_version (indicator_code, period_key, valid_from);
GO

INSERT INTO dbo.target_version (indicator_code, period_key, target_value, amber_threshold, set_for, valid_from, reason,
                                replaces_version_id, catalogue_load_id)
SELECT t.indicator_code, t.period_key, t.target_value, t.amber_threshold, t.set_for, CAST('19000401' AS date), NULL, NULL, t.catalogue_load_id
FROM dbo.fact_target t;
GO

ALTER TABLE dbo.fact_target ADD target_version_id int NULL
    CONSTRAINT fk_fact_target_version FOREIGN KEY REFERENCES dbo.target_version (target_version_id);
GO

UPDATE dbo.fact_target
SET target_version_id = (SELECT v.target_version_id FROM dbo.target_version v
                         WHERE v.indicator_code = dbo.fact_target.indicator_code AND v.period_key = dbo.fact_target.period_key);
GO

ALTER TABLE dbo.fact_result ADD target_version_id int NULL
    CONSTRAINT fk_fact_result_target_version FOREIGN KEY REFERENCES dbo.target_version (target_version_id);
GO

UPDATE dbo.fact_result
SET target_version_id = (SELECT v.target_version_id FROM dbo.target_version v
                         WHERE v.indicator_code = dbo.fact_result.indicator_code AND v.period_key = dbo.fact_result.period_key
                           AND v.target_value = dbo.fact_result.target_value)
WHERE target_value IS NOT NULL;
GO

CREATE TABLE dbo.target_rescore (
    target_rescore_id   int             NOT NULL IDENTITY(1, 1),
    result_key          int             NOT NULL,
    indicator_code      nvarchar(50)    NOT NULL,
    period_key          int             NOT NULL,
    from_version_id     int             NULL,
    to_version_id       int             NOT NULL,
    from_target         decimal(19, 6)  NULL,
    to_target           decimal(19, 6)  NOT NULL,
    from_rag            nvarchar(20)    NOT NULL,
    to_rag              nvarchar(20)    NOT NULL,
    rescored_at         datetime2(3)    NOT NULL,
    rescored_by         nvarchar(200)   NOT NULL,
    reason              nvarchar(1000)  NOT NULL,
    CONSTRAINT pk_target_rescore PRIMARY KEY (target_rescore_id),
    CONSTRAINT fk_target_rescore_result FOREIGN KEY (result_key) REFERENCES dbo.fact_result (result_key),
    CONSTRAINT fk_target_rescore_period FOREIGN KEY (period_key) REFERENCES dbo.dim_period (period_key),
    CONSTRAINT fk_target_rescore_from FOREIGN KEY (from_version_id) REFERENCES dbo.target_version (target_version_id),
    CONSTRAINT fk_target_rescore_to FOREIGN KEY (to_version_id) REFERENCES dbo.target_version (target_version_id)
);
GO

CREATE INDEX ix_target_rescore_result ON dbo.target_rescore (result_key);
GO

ALTER TABLE dbo.dim_indicator ADD accumulation nvarchar(20) NOT NULL
    CONSTRAINT df_dim_indicator_accumulation DEFAULT 'Per period'
    CONSTRAINT ck_dim_indicator_accumulation CHECK (accumulation IN ('Per period', 'Year to date', 'Snapshot'));
GO
