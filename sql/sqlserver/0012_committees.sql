-- Committees that receive performance reports (the catalogue's optional Committees sheet) and what each
-- receives, resolved at catalogue load. Mirrors sql/sqlite/0012_committees.sql column for column.
-- Rule of sql/sqlserver (tests/Pmf.Pipeline.Tests/Warehouse/SqlServerSchemaTests.cs): every statement ends with GO.

CREATE TABLE dbo.dim_committee (
    committee_key       int             NOT NULL IDENTITY(1, 1),
    committee_code      nvarchar(50)    NOT NULL,
    committee_name      nvarchar(200)   NOT NULL,
    council_key         int             NOT NULL,
    committee_kind      nvarchar(20)    NOT NULL,
    performance_monitors nvarchar(1000) NULL,
    is_current          bit             NOT NULL CONSTRAINT df_dim_committee_is_current DEFAULT 1,
    CONSTRAINT pk_dim_committee PRIMARY KEY (committee_key),
    CONSTRAINT uq_dim_committee_committee_code UNIQUE (committee_code),
    CONSTRAINT fk_dim_committee_council FOREIGN KEY (council_key) REFERENCES dbo.dim_council (council_key),
    CONSTRAINT ck_dim_committee_kind CHECK (committee_kind IN (N'Executive', N'Scrutiny', N'Advisory', N'Audit'))
);
GO

CREATE TABLE dbo.committee_item (
    committee_key       int             NOT NULL,
    item_kind           nvarchar(20)    NOT NULL,
    item_code           nvarchar(50)    NOT NULL,
    CONSTRAINT pk_committee_item PRIMARY KEY (committee_key, item_kind, item_code),
    CONSTRAINT fk_committee_item_committee FOREIGN KEY (committee_key) REFERENCES dbo.dim_committee (committee_key),
    CONSTRAINT ck_committee_item_kind CHECK (item_kind IN (N'Indicator', N'Action'))
);
GO

CREATE VIEW dbo.v_committee AS
SELECT m.committee_key      AS [Committee key],
       m.committee_code     AS [Committee code],
       m.committee_name     AS [Committee],
       c.council_code       AS [Council code],
       m.committee_kind     AS [Kind],
       m.performance_monitors AS [Performance monitors]
FROM dbo.dim_committee AS m
INNER JOIN dbo.dim_council AS c ON c.council_key = m.council_key
WHERE m.is_current = 1
GO

CREATE VIEW dbo.v_committee_item AS
SELECT m.committee_code     AS [Committee code],
       i.item_kind          AS [Item kind],
       i.item_code          AS [Item code]
FROM dbo.committee_item AS i
INNER JOIN dbo.dim_committee AS m ON m.committee_key = i.committee_key
GO
