-- Creates the function app's database user from its managed identity, with least privilege.
--
-- NOT a migration: an administrator runs it once per environment, connected to the warehouse
-- database (not master) as a member of the server's Entra administrators group, for example
--   sqlcmd -S tcp:<server>.database.windows.net -d pmf -G -v AppName="<function app name>" -i sql/admin/grant-app-identity.sql
-- AppName is the function app's name (deployment output functionAppName): a system-assigned
-- identity's display name is its app's name. Running it again changes nothing.
--
-- What the app needs, and nothing more:
--   * db_datareader, db_datawriter: read and write the warehouse tables. Every statement the app
--     runs is SELECT, INSERT, UPDATE or DELETE on them (see the *Sql constants in src/Pmf.Pipeline).
--   * Not db_ddladmin: the schema is migrated by an administrator with `pmf init` before each
--     release (docs/deploy.md), so the app cannot change the schema.
--   * Not EXECUTE: there are no stored procedures.
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

-- `pmf serve` keeps one instance per warehouse with sp_getapplock, which any database user may
-- call. `pmf serve` migrates the schema on start, so the identity that runs it (an operator, or a
-- VM's managed identity) also needs db_ddladmin; the Functions app does not.
