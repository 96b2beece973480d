-- Creates the function app's database user from its managed identity, with least privilege.
--
-- NOT a migration: an administrator runs it once per environment, connected to the warehouse
-- database (not master) as a member of the server's Entra administrators group, for example
--   sqlcmd -S tcp:<server>.database.windows.net -d pmf -G -v AppName="<function app name>" -i sql/admin/grant-app-identity.sql
-- AppName is the function app's name (deployment output functionAppName): a system-assigned
-- identity's display name is its app's name. Running it again changes nothing.
--
-- What the app needs, and nothing more:
--   * db_datareader, db_datawriter: read and write the warehouse tables.
--   * EXECUTE on the dbo schema: none needed today (no stored procedures); left out.
--   * db_ddladmin: only so the app can apply the embedded DbUp migrations on start. To run without
--     it, apply migrations from a workstation (`pmf init --provider sqlserver --connection "...;Authentication=Active Directory Interactive"`)
--     before each release, then run the REVOKE block at the end.
-- No server-level permission, no login in master, no password: the user exists only in this
-- database and authenticates with an Entra token.

IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(AppName)')
BEGIN
    CREATE USER [$(AppName)] FROM EXTERNAL PROVIDER;
END
GO

IF IS_ROLEMEMBER(N'db_datareader', N'$(AppName)') = 0
    ALTER ROLE db_datareader ADD MEMBER [$(AppName)];
GO

IF IS_ROLEMEMBER(N'db_datawriter', N'$(AppName)') = 0
    ALTER ROLE db_datawriter ADD MEMBER [$(AppName)];
GO

IF IS_ROLEMEMBER(N'db_ddladmin', N'$(AppName)') = 0
    ALTER ROLE db_ddladmin ADD MEMBER [$(AppName)];
GO

-- `pmf serve` against this database keeps one instance with sp_getapplock, which any database
-- user may call; nothing to grant for it.

-- Once migrations are applied from a workstation instead, take schema changes away:
-- ALTER ROLE db_ddladmin DROP MEMBER [$(AppName)];
-- GO
