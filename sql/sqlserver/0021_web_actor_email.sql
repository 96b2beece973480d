-- The e-mail address, beside the name, of the person who changed a follow-up or added a note to a result on
-- the web pages. NULL for changes made before, and for those made by a command or the sweep.
-- Mirrors sql/sqlite/0021_web_actor_email.sql.
-- Rule of sql/sqlserver (tests/Pmf.Pipeline.Tests/Warehouse/SqlServerSchemaTests.cs): every statement ends with GO.

ALTER TABLE dbo.follow_up_event ADD actor_email nvarchar(320) NULL;
GO

ALTER TABLE dbo.result_note ADD written_by_email nvarchar(320) NULL;
GO
