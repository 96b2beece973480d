using System.Globalization;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Reports;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>How a catalogue verdict looks in a terminal.</summary>
internal static class CatalogueReport
{
    public static void Write(IAnsiConsole console, CatalogueLoadOutcome outcome)
    {
        if (outcome.Problems.Count > 0)
        {
            var table = new Table().Title($"Problems in {Markup.Escape(outcome.FileName)}").Border(TableBorder.Rounded)
                .AddColumns("Sheet", "Row", "Column", "Value", "Problem");
            foreach (var p in outcome.Problems)
            {
                table.AddRow(
                    Markup.Escape(p.Sheet ?? ""),
                    p.Row?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(p.Column ?? ""),
                    Markup.Escape(p.Value ?? ""),
                    Markup.Escape(p.Message));
            }

            console.Write(table);
        }

        if (outcome.CheckedCopy is { } copy)
        {
            console.MarkupLineInterpolated($"Each problem is marked in its cell, with the sentence as a comment and a Problems sheet listing them all, in {copy}; fix them in the catalogue itself.");
        }

        if (outcome.Checked)
        {
            if (outcome.Problems.Any(p => p.Severity == ProblemSeverity.Error))
            {
                console.MarkupLineInterpolated($"[red]The catalogue {outcome.FileName} has {ReportWords.Count(outcome.Problems.Count, "problem")}; it would not load until the errors are fixed.[/]");
            }
            else
            {
                console.MarkupLineInterpolated($"[green]The catalogue {outcome.FileName} would load{(outcome.Problems.Count > 0 ? " (see the warnings above)" : "")}; nothing was loaded.[/]");
            }

            return;
        }

        if (outcome.Summary is not { } s)
        {
            console.MarkupLineInterpolated($"[red]The catalogue {outcome.FileName} has {outcome.Problems.Count} problem(s) and was not loaded; the warehouse is unchanged. Fix them and load it again.[/]");
            return;
        }

        if (s.Unchanged)
        {
            console.MarkupLineInterpolated($"[green]The catalogue {outcome.FileName} is the one already loaded; nothing changed.[/]");
            return;
        }

        var summary = new Table().Border(TableBorder.Rounded).AddColumns("Loaded", "Count");
        summary.AddRow("Councils", s.Councils.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Priorities and objectives", s.Priorities.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Services", s.Services.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Indicators", s.Indicators.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("  new", s.IndicatorsAdded.ToString(CultureInfo.InvariantCulture));
        summary.AddRow($"  changed (new version from {s.EffectiveFrom:yyyy-MM-dd})", s.IndicatorsChanged.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("  retired", s.IndicatorsRetired.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Targets (per period)", s.Targets.ToString(CultureInfo.InvariantCulture));
        console.Write(summary);
        if (s.TargetChanges.Count > 0)
        {
            console.MarkupLine("Targets changed (the old version is kept; results already scored keep the target they were judged against until [bold]pmf targets rescore[/]):");
            foreach (var change in s.TargetChanges)
            {
                console.MarkupLineInterpolated($"  {ReportWords.TargetChange(change)}");
            }
        }

        console.MarkupLineInterpolated($"[green]Catalogue {outcome.FileName} loaded.[/]");
    }
}
