using System.Text.Json;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_builds_a_warehouse_from_South_Oxfordshire_and_the_Vales_framework_and_a_second_run_changes_nothing()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("demo", "--out", folder.Path);

        Assert.True(exit == 0, output);
        Assert.True(File.Exists(folder.File("catalogue.xlsx")));
        Assert.Contains("South Oxfordshire District Council", output, StringComparison.Ordinal);
        Assert.Contains("Vale of White Horse District Council", output, StringComparison.Ordinal);
        using var warehouse = new WarehouseProbe(folder.File("warehouse.db"));
        var first = await warehouse.CountsAsync();
        Assert.Equal(2, first["dim_council"]);
        Assert.True(first["dim_indicator"] >= 40);
        Assert.True(first["dim_service"] >= 6);
        Assert.True(first["fact_target"] > 0);
        Assert.True(first["submission"] > 40, "two years of returns from every service, and the pulls");
        Assert.True(first["source_run"] >= 2, "the REST and the SQL source were pulled");
        Assert.True(first["follow_up"] > 0, "the sweep raised follow-ups");
        Assert.NotEmpty(Directory.GetFiles(folder.File("outbox"), "*.eml"));
        Assert.True(File.Exists(Path.Combine(folder.Path, "powerbi", "PmfPipeline.pbip")));
        Assert.Equal(
            ["SOD 2026-27 Q2 performance report.html", "SOD SOD-CAB committee 2026-27 Q2 performance report.html", "SOD SOD-CEAC committee 2026-27 Q2 performance report.html",
             "SOD SOD-SCR committee 2026-27 Q2 performance report.html", "VWH 2026-27 Q2 performance report.html", "VWH VWH-CAB committee 2026-27 Q2 performance report.html",
             "VWH VWH-CEEAC committee 2026-27 Q2 performance report.html", "VWH VWH-SCR committee 2026-27 Q2 performance report.html"],
            Directory.GetFiles(Path.Combine(folder.Path, "reports")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(6, first["dim_committee"]);
        Assert.True(File.Exists(Path.Combine(folder.Path, "open-data", "pmf-results 2026-27 Q2.csv")));

        // The quarter goes through the councils' cycle: reviewed, approved, then published whole, so its
        // reports are not drafts and its open data holds every result (open data carries published periods only).
        Assert.Equal(6, first["publication_step"]);
        Assert.True(File.ReadLines(Path.Combine(folder.Path, "open-data", "pmf-results 2026-27 Q2.csv")).Count() > 40, "the published quarter's results are open data");
        Assert.DoesNotContain("DRAFT", await File.ReadAllTextAsync(Path.Combine(folder.Path, "reports", "SOD 2026-27 Q2 performance report.html")), StringComparison.Ordinal);
        Assert.Contains("SOD 2026/27 Q2: published by", output, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder.Path, "storage", "rejected"), "*.report.html", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(folder.Path, "storage", "processed"), "*.report.html", SearchOption.AllDirectories)));

        // The annual review of the year so far, one per council, with the case study a service sent; the
        // printed summary agrees with each page.
        var reviews = Directory.GetFiles(Path.Combine(folder.Path, "annual-review"), "*.html").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["SOD 2026-27 annual review.html", "VWH 2026-27 annual review.html"], reviews.Select(Path.GetFileName));
        var printed = string.Concat(output.Where(c => !char.IsWhiteSpace(c)));
        var studies = 0;
        foreach (var review in reviews)
        {
            var page = Dom.Parse(await File.ReadAllTextAsync(review));
            var (achievements, cases, forward) = (page.QuerySelectorAll("#achievements .card").Length, page.QuerySelectorAll("#case-studies article").Length, page.QuerySelectorAll("#forward tbody tr").Length);
            var line = $"({Path.GetFileName(review)[..3]} 2026/27, the year so far to 30 September 2026: {achievements} achievement{(achievements == 1 ? "" : "s")}, {cases} case stud{(cases == 1 ? "y" : "ies")}, {forward} carried forward)";
            Assert.Contains(string.Concat(line.Where(c => !char.IsWhiteSpace(c))), printed, StringComparison.Ordinal);
            Assert.Contains("still to come", page.One("#covers").Words(), StringComparison.OrdinalIgnoreCase);
            studies += cases;
        }

        Assert.True(studies >= 1, "a service's case study reaches the annual review");
        // Action updates with the faults councils make: what the demo says it did is what its report shows.
        var framework = Pmf.Pipeline.Samples.Frameworks.DemoFrameworks.Named("south-vale").Create(new Pmf.Pipeline.Calendar.FinancialYear(2026));
        var atRisk = Pmf.Pipeline.Samples.SampleActionReturns.AtRiskWithoutCommentary(framework);
        var revised = Pmf.Pipeline.Samples.SampleActionReturns.RevisedWithoutReason(framework);
        Assert.Contains($"{atRisk} at risk without commentary", output, StringComparison.Ordinal);
        Assert.Contains($"{revised} given a revised date without a reason", output, StringComparison.Ordinal);
        Assert.Equal(framework.Actions.Count - 1, first["fact_action_progress"]);
        var council = framework.Actions.Single(a => a.Code == revised).CouncilCode;
        var report = Dom.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, "reports", $"{council} 2026-27 Q2 performance report.html")));
        Assert.Equal("No update", report.One($"tbody.action[data-action='{revised}'] span.rag").Words());
        var atRiskReport = Dom.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, "reports", $"{framework.Actions.Single(a => a.Code == atRisk).CouncilCode} 2026-27 Q2 performance report.html")));
        Assert.Equal("At risk", atRiskReport.One($"tbody.action[data-action='{atRisk}'] span.rag.amber").Words());
        Assert.Contains("published action updates", output, StringComparison.Ordinal);
        Assert.True(File.ReadLines(Path.Combine(folder.Path, "open-data", "pmf-actions 2026-27 Q2.csv")).Count() > 1, "the published quarter's action updates are open data");

        var (again, secondOutput) = await CliRun.RunAsync("demo", "--out", folder.Path);

        Assert.Equal(0, again);
        Assert.Contains("nothing changed", secondOutput, StringComparison.Ordinal);
        Assert.Equal(first, await warehouse.CountsAsync());
    }

    [Fact]
    public async Task After_the_demo_the_next_commands_work_on_the_demos_own_warehouse_through_the_settings_it_leaves()
    {
        using var folder = new TempFolder();
        var (exit, output) = await CliRun.RunAsync("demo", "--out", folder.Path);
        Assert.True(exit == 0, output);
        Assert.Contains("pmf.json", output, StringComparison.Ordinal);
        using var warehouse = new WarehouseProbe(folder.File("warehouse.db"));
        var open = await warehouse.ScalarAsync("SELECT COUNT(*) FROM follow_up WHERE status IN ('Open', 'Acknowledged')");
        Assert.True(open > 0, "the demo's sweep raised follow-ups");

        // The settings file's paths are relative to the file, so this works from any folder.
        var (listed, json) = await CliRun.RunAsync("--config", folder.File("pmf.json"), "--json", "followup", "list");

        Assert.True(listed == 0, json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(open, document.RootElement.GetArrayLength());
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "pmf-storage", "returns")), "no store was made where the command ran");
    }

    [Fact]
    public async Task Demo_with_json_prints_a_document_scripts_can_read()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("demo", "--out", folder.Path, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("outcome").GetProperty("loaded").GetBoolean());
        Assert.True(json.RootElement.GetProperty("outcome").GetProperty("summary").GetProperty("indicators").GetInt32() >= 40);
    }

    [Fact]
    public async Task Demo_of_Stroud_runs_its_committee_system_end_to_end_and_a_second_run_changes_nothing()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("demo", "--framework", "stroud", "--out", folder.Path);

        Assert.True(exit == 0, output);
        Assert.Contains("Stroud District Council", output, StringComparison.Ordinal);
        Assert.Contains("one per committee (5)", output, StringComparison.Ordinal);
        using var warehouse = new WarehouseProbe(folder.File("warehouse.db"));
        var first = await warehouse.CountsAsync();
        Assert.Equal(1, first["dim_council"]);
        Assert.Equal(5, first["dim_committee"]);
        Assert.Equal(3 + 16, first["dim_priority"]); // a row per priority, and one per strategic objective
        var strategy = await File.ReadAllTextAsync(Path.Combine(folder.Path, "reports", "SDC SR committee 2026-27 Q2 performance report.html"));
        Assert.Contains("Report to the Strategy and Resources Committee. Performance monitors: Cllr Rosa Turnbull and Cllr Martin Pearce.", strategy, StringComparison.Ordinal);

        var (again, secondOutput) = await CliRun.RunAsync("demo", "--framework", "stroud", "--out", folder.Path);

        Assert.Equal(0, again);
        Assert.Contains("nothing changed", secondOutput, StringComparison.Ordinal);
        Assert.Equal(first, await warehouse.CountsAsync());
    }

    [Fact]
    public async Task Demo_of_a_framework_it_does_not_ship_is_refused_naming_those_it_does()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("demo", "--framework", "cotswold", "--out", folder.Path);

        Assert.Equal(2, exit);
        Assert.Contains("--framework: there is no demo framework 'cotswold'; pass one of south-vale, stroud, ashby-brookmere.", output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
