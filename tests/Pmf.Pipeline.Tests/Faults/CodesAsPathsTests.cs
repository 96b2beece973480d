using Microsoft.Data.Sqlite;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Templates;
using Pmf.Pipeline.Tests.Catalogue;
using Pmf.Pipeline.Tests.Support;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Faults;

/// <summary>Issue 16, item 9: a catalogue code never becomes a path outside the folder written to.</summary>
public sealed class CodesAsPathsTests
{
    private const string Climber = "ABC/../../x/PWNED";

    [Fact]
    public void The_catalogue_refuses_council_service_and_indicator_codes_that_could_be_paths()
    {
        var result = new CatalogueWorkbookBuilder()
            .Set("Councils", 1, "Code", Climber)
            .Set("Services", 1, "Code", "..\\..\\x\\PWNED")
            .Set("Indicators", 1, "Code", "HOU:01")
            .Read();

        Problem(result, "Councils", 2, "Code", $"Council code '{Climber}' contains '/'; use letters, digits, spaces, '-', '_' and '.' only, because codes become folder and file names");
        Problem(result, "Services", 2, "Code", "Service code '..\\..\\x\\PWNED' does not start with a letter or digit");
        Problem(result, "Indicators", 2, "Code", "Indicator code 'HOU:01' contains ':'");
        Assert.Null(result.Framework);
    }

    [Theory]
    [InlineData("HOU")]
    [InlineData("NI 192")]
    [InlineData("ASH-HOU-01")]
    [InlineData("bv_12.a")]
    public void Ordinary_codes_are_accepted(string code)
    {
        var result = new CatalogueWorkbookBuilder().Set("Services", 1, "Code", code).Read();

        Assert.DoesNotContain(result.Problems, p => p.Column == "Code");
    }

    [Theory]
    [InlineData("../../x/PWNED")]
    [InlineData("..")]
    [InlineData("a\\b")]
    [InlineData("C:evil")]
    [InlineData("line\nbreak")]
    [InlineData("CON")]
    [InlineData(" .hidden. ")]
    [InlineData("")]
    public void The_sanitiser_always_makes_one_name_in_the_folder(string text)
    {
        var name = SafeFileName.Of(text);

        Assert.Equal(name, Path.GetFileName(name));
        Assert.DoesNotContain(name, c => c is '/' or '\\' or ':' || char.IsControl(c));
        Assert.False(name.StartsWith('.') || name.EndsWith('.') || name.StartsWith(' ') || name.EndsWith(' '), name);
        Assert.NotEqual("CON", name, StringComparer.OrdinalIgnoreCase);
        using var folder = new TempFolder();
        Assert.StartsWith(folder.Path + Path.DirectorySeparatorChar, SafeFileName.Under(folder.Path, name), StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_climbs_out_is_refused_before_anything_is_written()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InvalidOperationException>(() => SafeFileName.Under(folder.Path, "roles/../../../x/PWNED.tmdl"));

        Assert.Contains("outside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_for_a_service_code_that_climbs_is_named_inside_the_folder()
    {
        var service = new Service("../../x/PWNED", "Evil", "Head", "head@council.gov.uk", null, null);
        var template = new ReturnTemplate(service, Period.Quarter(2026, 2), [], new DateOnly(2026, 10, 14));

        Assert.Equal(template.FileName, Path.GetFileName(template.FileName));
        Assert.EndsWith(" 2026-27 Q2 return.xlsx", template.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Powerbi_with_a_council_code_that_climbs_writes_nothing_outside_out()
    {
        using var folder = new TempFolder();
        var connection = $"Data Source={folder.File("warehouse.db")}";
        Assert.Equal(0, (await CliRun.RunAsync("init", "--connection", connection)).ExitCode);
        await using (var sqlite = new SqliteConnection(connection))
        {
            // A warehouse loaded before codes were checked.
            await sqlite.OpenAsync();
            await using var insert = sqlite.CreateCommand();
            insert.CommandText = "INSERT INTO dim_council (council_code, council_name) VALUES ('../../../../../../x/PWNED', 'Evil')";
            await insert.ExecuteNonQueryAsync();
        }

        var (exit, output) = await CliRun.RunAsync("powerbi", "--out", folder.File("a/b/bi"), "--connection", connection);

        Assert.True(exit == 0, output);
        Assert.False(Directory.Exists(folder.File("a/x")), "a file was written outside --out");
        Assert.False(Directory.Exists(folder.File("a/b/x")), "a file was written outside --out");
        var roles = Directory.GetFiles(folder.File("a/b/bi/PmfPipeline.SemanticModel/definition/roles"));
        Assert.Contains(roles, r => File.ReadAllText(r).Contains("../../x/PWNED", StringComparison.Ordinal));
    }
}
