using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>
/// The Bicep and the admin SQL script cannot run here; what can be checked as text is: the app
/// settings the template writes are the ones the hosts read, and nothing secret is anywhere.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static string Infra => Path.Combine(RepositoryRoot.Path, "infra");

    [Fact]
    public void The_function_app_gets_exactly_the_hosting_settings_serve_only_ones_aside()
    {
        var bicep = File.ReadAllText(Path.Combine(Infra, "modules", "functionapp.bicep"));
        var written = AppSetting().Matches(bicep).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal);
        var expected = HostingSettings.All.Where(s => !s.StartsWith("Pmf__Serve__", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, written);
    }

    [Fact]
    public void No_template_holds_a_key_a_password_or_a_connection_string_secret()
    {
        foreach (var file in Directory.EnumerateFiles(Infra, "*.bicep*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var banned in new[] { "AccountKey", "SharedAccessSignature", "password", "@secure", "listConnectionStrings" })
            {
                Assert.False(text.Contains(banned, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} contains {banned}");
            }

            // The one key read at all is the blob extension's, handed straight to Event Grid.
            Assert.True(!text.Contains("listKeys", StringComparison.Ordinal) || Path.GetFileName(file) == "eventgrid.bicep", $"{Path.GetFileName(file)} reads keys");
            Assert.DoesNotMatch(@"output\s+\w+\s+string\s*=\s*blobsKey", text);
        }

        var storage = File.ReadAllText(Path.Combine(Infra, "modules", "storage.bicep"));
        Assert.Contains("allowSharedKeyAccess: false", storage, StringComparison.Ordinal);
        Assert.Contains("azureADOnlyAuthentication: true", File.ReadAllText(Path.Combine(Infra, "modules", "sql.bicep")), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_services_writers_are_held_to_their_own_folder_by_a_path_condition()
    {
        var roles = File.ReadAllText(Path.Combine(Infra, "modules", "roles.bicep"));

        Assert.Contains("conditionVersion: '2.0'", roles, StringComparison.Ordinal);
        Assert.Contains("blobs:path] StringStartsWith \\'${writer.service}/\\'", roles, StringComparison.Ordinal);
        Assert.Contains("scope: returns::blobService::returnsContainer", roles, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grant_script_is_TSql_that_creates_an_Entra_user_with_data_roles_and_no_login_or_owner()
    {
        var path = Path.Combine(RepositoryRoot.Path, "sql", "admin", "grant-app-identity.sql");
        var script = File.ReadAllText(path).Replace("$(AppName)", "pmf-ashby-func", StringComparison.Ordinal);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);
        var code = string.Join('\n', script.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));

        Assert.Empty(errors);
        Assert.Contains("CREATE USER [pmf-ashby-func] FROM EXTERNAL PROVIDER", code, StringComparison.Ordinal);
        Assert.Contains("ALTER ROLE db_datareader ADD MEMBER", code, StringComparison.Ordinal);
        Assert.Contains("ALTER ROLE db_datawriter ADD MEMBER", code, StringComparison.Ordinal);
        foreach (var banned in new[] { "db_owner", "db_ddladmin", "CREATE LOGIN", "PASSWORD", "sysadmin", "CONTROL" })
        {
            Assert.DoesNotContain(banned, code, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[^']+)',?\s*value:")]
    private static partial Regex AppSetting();
}
