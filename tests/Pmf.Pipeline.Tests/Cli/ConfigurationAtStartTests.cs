using Microsoft.Data.Sqlite;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>
/// Configuration that used to pass the start and fail later (issue 16, item 8): each now stops before any
/// work with exit code 2 and one sentence naming the setting or file, never "pmf could not finish".
/// </summary>
public sealed class ConfigurationAtStartTests
{
    [Fact]
    public async Task An_invalid_FeedbackFrom_stops_ingest_before_the_first_return_is_loaded()
    {
        using var folder = new TempFolder();
        var returnFile = folder.File("HOU 2026-27 Q1 return.xlsx");
        await File.WriteAllBytesAsync(returnFile, SampleReturnWriter.ToBytes(IngestHarness.CleanHousingReturn()));
        var config = Config(folder, """{ "Pmf": { "Ingest": { "FeedbackFrom": "PMF Pipeline <performance at council>" } } }""");

        var (exit, output) = await CliRun.RunAsync("ingest", returnFile, "--service", "HOU", "--config", config, "--connection", $"Data Source={folder.File("w.db")}");

        AssertStoppedAtStart(exit, output, "Pmf:Ingest:FeedbackFrom 'PMF Pipeline <performance at council>' is not an e-mail address");
        Assert.False(File.Exists(folder.File("w.db")), "no warehouse was created, so no return was loaded");
        Assert.False(Directory.Exists(folder.File("storage")), "the return was not dropped");
    }

    [Fact]
    public async Task A_warehouse_upgraded_by_a_newer_pmf_is_named_at_start_not_called_up_to_date()
    {
        using var folder = new TempFolder();
        var connection = $"Data Source={folder.File("w.db")}";
        Assert.Equal(0, (await CliRun.RunAsync("init", "--connection", connection)).ExitCode);
        await using (var sqlite = new SqliteConnection(connection + ";Pooling=False"))
        {
            await sqlite.OpenAsync();
            using var insert = sqlite.CreateCommand();
            insert.CommandText = "INSERT INTO schema_versions (ScriptName, Applied) VALUES ('9001_later_version.sql', '2027-01-01 00:00:00'); ALTER TABLE submission RENAME TO submission_v2;";
            await insert.ExecuteNonQueryAsync();
        }

        foreach (var command in new[] { "init", "ingest" })
        {
            var (exit, output) = await CliRun.RunAsync(command, "--connection", connection);

            AssertStoppedAtStart(exit, output, $"The warehouse at {folder.File("w.db")} has a newer schema than this version of pmf knows");
            Assert.Contains("9001_later_version.sql", output, StringComparison.Ordinal);
            Assert.DoesNotContain("up to date", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_settings_file_that_is_not_JSON_is_named_with_where_it_breaks()
    {
        using var folder = new TempFolder();
        var config = Config(folder, """{ "Pmf": { "Warehouse": { "Provider": "sqlite", } """);

        var (exit, output) = await CliRun.RunAsync("init", "--config", config);

        AssertStoppedAtStart(exit, output, $"The settings file {config} is not valid JSON");
    }

    [Theory]
    [InlineData("""{ "Pmf": { "FollowUp": { "ReminderWorkingDays": "three" } } }""", "The setting Pmf:FollowUp:ReminderWorkingDays is 'three', which is not a whole number")]
    [InlineData("""{ "Pmf": { "Alerts": { "Smtp": { "StartTls": "sometimes" } } } }""", "The setting Pmf:Alerts:Smtp:StartTls is 'sometimes', which is not true or false")]
    [InlineData("""{ "Pmf": { "PowerBi": { "MinimumInterval": "quarter of an hour" } } }""", "The setting Pmf:PowerBi:MinimumInterval is 'quarter of an hour', which is not a duration")]
    [InlineData("""{ "Pmf": { "Storage": { "Kind": "blob", "BlobServiceUri": "https://" } } }""", "The setting Pmf:Storage:BlobServiceUri is 'https://', which is not an address")]
    [InlineData("""{ "Pmf": { "Sources": { "housing": { "Kind": "rest", "Rest": { "Paging": { "MaxPages": "ten" } } } } } }""", "The setting Pmf:Sources:housing:Rest:Paging:MaxPages is 'ten', which is not a whole number")]
    public async Task A_setting_of_the_wrong_type_is_named_with_its_value(string json, string expected)
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("init", "--config", Config(folder, json), "--connection", $"Data Source={folder.File("w.db")}");

        AssertStoppedAtStart(exit, output, expected);
        Assert.False(File.Exists(folder.File("w.db")));
    }

    [Fact]
    public async Task A_read_only_warehouse_is_named_at_start_before_a_return_is_read()
    {
        using var folder = new TempFolder();
        var file = folder.File("w.db");
        Assert.Equal(0, (await CliRun.RunAsync("init", "--connection", $"Data Source={file}")).ExitCode);
        var returnFile = folder.File("HOU 2026-27 Q1 return.xlsx");
        await File.WriteAllBytesAsync(returnFile, SampleReturnWriter.ToBytes(IngestHarness.CleanHousingReturn()));
        File.SetAttributes(file, FileAttributes.ReadOnly);
        try
        {
            // Root ignores file permissions, so the test also opens it the way SQLite does a file it may not write.
            var (exit, output) = await CliRun.RunAsync("ingest", returnFile, "--service", "HOU", "--connection", $"Data Source={file};Mode=ReadOnly");

            AssertStoppedAtStart(exit, output, $"The warehouse at {file} is read-only");
        }
        finally
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
    }

    [Theory]
    [InlineData("sqlite", "garbage", "Pmf:Warehouse:ConnectionString is not a SQLite connection string")]
    [InlineData("sqlite", "Data Source=w.db;Colour=blue", "Pmf:Warehouse:ConnectionString is not a SQLite connection string (")]
    [InlineData("sqlite", "Mode=ReadWrite", "Pmf:Warehouse:ConnectionString names no SQLite file")]
    [InlineData("sqlserver", "Server=tcp:x;Database=pmf;Authentication=Telepathy", "Pmf:Warehouse:ConnectionString is not a SQL Server connection string")]
    [InlineData("sqlserver", "Server=tcp:x;Password=s3cret;Pooling=maybe", "Pmf:Warehouse:ConnectionString is not a SQL Server connection string")]
    public async Task A_garbage_connection_string_is_named_without_repeating_it(string provider, string connection, string expected)
    {
        var (exit, output) = await CliRun.RunAsync("init", "--provider", provider, "--connection", connection);

        AssertStoppedAtStart(exit, output, expected);
        Assert.DoesNotContain("s3cret", output, StringComparison.Ordinal);
    }

    private static void AssertStoppedAtStart(int exit, string output, string expected)
    {
        Assert.Equal(2, exit);
        Assert.StartsWith(expected, output.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("could not finish", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static string Config(TempFolder folder, string json)
    {
        var path = folder.File("pmf.json");
        File.WriteAllText(path, json);
        return path;
    }
}
