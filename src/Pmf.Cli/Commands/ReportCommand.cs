using System.CommandLine;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Reports;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf report --period KEY [--council CODE] [--committee CODE] [--annual] --out DIR</c>: the quarterly performance report
/// (or with --annual the financial year's review) as one self-contained HTML page per council, then one per
/// committee when the catalogue has committees (or, with --committee CODE, that committee's only).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext cli)
    {
        var period = new Option<string>("--period") { Description = "The quarter to report, e.g. \"2026/27 Q2\" (with --annual, the financial year, e.g. 2025/26).", Required = true };
        var council = new Option<string?>("--council") { Description = "Only this council (its code); default every council, one file each." };
        var committee = new Option<string?>("--committee") { Description = "Only this committee's report (its code): the items it receives, naming its monitors. Default: every council's report, then every committee's." };
        var annual = new Option<bool>("--annual") { Description = "The financial year's strategic review: year-end position, achievements and the year's trend." };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the HTML reports.",
            DefaultValueFactory = _ => new DirectoryInfo("reports"),
        };
        var command = new Command("report", "Write the quarterly (or --annual) performance report as a self-contained HTML page per council, then one per committee.") { period, council, committee, annual, output };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var kind = parse.GetValue(annual) ? PerformanceReportKind.Annual : PerformanceReportKind.Quarterly;
            var asked = CliContext.Period(parse.GetValue(period));
            if (asked.Start > UkClock.Today(cli.Time))
            {
                throw new Pipeline.ConfigurationProblemException(
                    $"--period: {asked} has not started yet (it starts {asked.Start:d MMMM yyyy}); name a period that has, such as {Period.Containing(UkClock.Today(cli.Time), Frequency.Quarterly).Previous()}.");
            }

            var periods = PerformanceReportWriter.Periods(kind, asked);
            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            var writer = new PerformanceReportWriter(warehouse, cli.Time);
            var folder = parse.GetValue(output)!.FullName;
            var onlyCommittee = parse.GetValue(committee);
            var written = onlyCommittee is null
                ? [.. await writer.WriteAsync(periods, parse.GetValue(council), folder, cancellationToken)]
                : new List<WrittenReport>();
            written.AddRange(await writer.WriteCommitteesAsync(periods, parse.GetValue(council), onlyCommittee, folder, cancellationToken));
            if (CliContext.Json(parse))
            {
                cli.WriteJson(written);
                return ExitCodes.Done;
            }

            Write(cli.Console, written);
            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }

    internal static void Write(IAnsiConsole console, IReadOnlyList<WrittenReport> written)
    {
        foreach (var w in written)
        {
            var c = w.Counts;
            var counts = w.NoResults
                ? "no results published for the period yet"
                : $"{c.Red} Red, {c.Amber} Amber, {c.Green} Green, {c.DataOnly} data only, {c.NotReported} not reported";
            var who = w.CommitteeName is null ? w.CouncilName : $"{w.CommitteeName} ({w.CouncilCode}, {w.Items} indicators)";
            console.MarkupLineInterpolated($"[green]{who}[/], {w.Period}: {counts}");
            console.MarkupLineInterpolated($"  [link]{w.Path}[/]");
        }
    }
}
