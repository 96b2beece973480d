using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// What the annual strategic review says beyond the indicators: which year it covers and what is still to
/// come, the achievements (chosen by rule, each with its evidence), what goes forward into next year's plan,
/// and a summary for residents in plain English.
/// </summary>
/// <param name="Covers">Which year, and what is still to come when it is not over.</param>
/// <param name="Achievements">On target (at the year's end, or so far) or better than a year before, never Red; those that are both first.</param>
/// <param name="Forward">Off-target indicators, overdue results and unfinished actions, for next year's plan.</param>
/// <param name="ForResidents">The summary for residents, one plain sentence each.</param>
public sealed record AnnualReview(string Covers, IReadOnlyList<Achievement> Achievements, IReadOnlyList<ForwardItem> Forward, IReadOnlyList<string> ForResidents)
{
    /// <summary>How the achievements are chosen, as the review states it.</summary>
    public const string AchievementRule =
        "An indicator is an achievement when it is on or better than its target (at the year's end, or so far in a year not yet over) "
        + "or better than the same period a year before, and is not Red. Those that are both come first.";

    /// <summary>The review of <paramref name="report"/> (an annual report).</summary>
    public static AnnualReview Of(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var achievements = report.Indicators.Select(i => Achievement.Of(i, report.IsComplete)).OfType<Achievement>()
            .OrderBy(a => a.OnTarget && a.Improved ? 0 : a.Improved ? 1 : 2).ToList();
        var forward = ForwardItem.For(report);
        return new AnnualReview(Coverage(report), achievements, forward, Residents(report, achievements, forward));
    }

    /// <summary>"This review covers the financial year 2026/27 (1 April 2026 to 31 March 2027), which is not over: …".</summary>
    public static string Coverage(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var year = report.Period;
        var span = $"the financial year {year.Key} ({Day(year.Start)} to {Day(year.End)})";
        if (report.IsComplete)
        {
            return $"This review covers {span}: each indicator as the year closed.";
        }

        var asAt = report.AsAt;
        var today = UkClock.DateAt(report.GeneratedAt);
        if (asAt.End > today)
        {
            return $"This review covers {span}, which is not over and has no quarter ended yet: results come in from Quarter 1 (to {Day(asAt.End)}).";
        }

        var toCome = Enumerable.Range(asAt.Number + 1, 4 - asAt.Number).Select(q => $"Quarter {q}").ToList();
        return $"This review covers {span}, which is not over: it shows each indicator at the end of Quarter {asAt.Number} ({Day(asAt.End)}), the latest quarter ended. "
            + $"Still to come: the results for {string.Join(" and ", toCome)}, and the year-end figures of annual indicators after {Day(year.End)}.";
    }

    private static IReadOnlyList<string> Residents(PerformanceReport report, IReadOnlyList<Achievement> achievements, IReadOnlyList<ForwardItem> forward)
    {
        var when = report.IsComplete ? $"In {report.Period.Key}" : $"In {report.Period.Key} so far (to {Day(report.AsAt.End)})";
        var judged = report.Indicators.Where(i => i.RagCategory is RagStatus.Green or RagStatus.Amber or RagStatus.Red).ToList();
        var lines = new List<string>
        {
            $"{report.CouncilName} checks how it is doing on its plan with {ReportWords.Count(report.Indicators.Count, "measure")}.",
            $"{when}, {judged.Count(i => i.RagCategory == RagStatus.Green)} of the {ReportWords.Count(judged.Count, "measure")} with a target were on target or better, "
                + $"{judged.Count(i => i.RagCategory == RagStatus.Amber)} were close to it and {judged.Count(i => i.RagCategory == RagStatus.Red)} were off target.",
        };
        var compared = report.Indicators.Where(i => i.Result is { IsNilReturn: false }).Select(i => i.Result!.DirectionVsLastYear).ToList();
        if (compared.Any(d => d is DirectionOfTravel.Improving or DirectionOfTravel.Worsening or DirectionOfTravel.Steady))
        {
            lines.Add($"Compared with a year before, {ReportWords.Count(compared.Count(d => d == DirectionOfTravel.Improving), "measure")} got better "
                + $"and {compared.Count(d => d == DirectionOfTravel.Worsening)} got worse.");
        }

        if (achievements.Count > 0)
        {
            lines.Add("Highlights: " + string.Join("; ", achievements.Take(3).Select(a => $"{a.Indicator.Name} ({a.Short})")) + ".");
        }

        if (report.CaseStudies.Count > 0)
        {
            var n = report.CaseStudies.Count;
            lines.Add($"Our services tell {(n == 1 ? "one story" : $"{n} stories")} of what this work meant for residents, below.");
        }

        lines.Add(forward.Count == 0
            ? "Nothing is carried forward: every measure is on target and no action runs past the year."
            : $"Where we fell short or have more to do, {ReportWords.Count(forward.Count, "item")} {(forward.Count == 1 ? "goes" : "go")} forward into next year's plan.");
        return lines;
    }

    internal static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>One achievement and its evidence.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="OnTarget">On or better than target at its latest result.</param>
/// <param name="Improved">Better than the same period a year before.</param>
/// <param name="Evidence">The figures that make it one.</param>
/// <param name="Short">The same, shortened for the residents' summary.</param>
public sealed record Achievement(ReportedIndicator Indicator, bool OnTarget, bool Improved, string Evidence, string Short)
{
    /// <summary>The achievement of <paramref name="indicator"/>, or null when it is not one.</summary>
    /// <param name="indicator">The indicator at the review's closing period.</param>
    /// <param name="yearComplete">True when the year is over (on target "at the year's end"), false for "so far".</param>
    public static Achievement? Of(ReportedIndicator indicator, bool yearComplete)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.Result is not { Value: { } value, IsNilReturn: false } result || result.Rag == RagStatus.Red
            || PeriodParser.Parse(indicator.PeriodCode).Period is not { } period)
        {
            return null;
        }

        var unit = indicator.Unit;
        var lastYear = period.SameLastYear();
        var before = indicator.Trend.FirstOrDefault(t => t.PeriodCode == lastYear.Key)?.Value;
        var onTarget = result.Rag == RagStatus.Green && result.Target is not null;
        var improved = result.DirectionVsLastYear == DirectionOfTravel.Improving && before is not null;
        if (!onTarget && !improved)
        {
            return null;
        }

        var at = yearComplete ? $"at the year's end ({ReportWords.PeriodOf(indicator)})" : $"so far ({ReportWords.PeriodOf(indicator)})";
        var parts = new List<string>();
        if (onTarget)
        {
            parts.Add($"on target {at}: {ReportFormat.Value(value, unit)} against a target of {ReportFormat.Value(result.Target, unit)}");
        }

        if (improved)
        {
            parts.Add($"better than a year before: {ReportFormat.Value(value, unit)} in {period.Key}, from {ReportFormat.Value(before, unit)} in {lastYear.Key}");
        }

        var evidence = string.Join("; and ", parts);
        var brief = improved
            ? $"{ReportFormat.Value(value, unit)}, {(value < before ? "down" : "up")} from {ReportFormat.Value(before, unit)} a year before"
            : $"{ReportFormat.Value(value, unit)} against a target of {ReportFormat.Value(result.Target, unit)}";
        return new Achievement(indicator, onTarget, improved, char.ToUpperInvariant(evidence[0]) + evidence[1..] + ".", brief);
    }
}

/// <summary>Something the year leaves for next year's plan.</summary>
/// <param name="Item">The indicator or action.</param>
/// <param name="Why">Why it goes forward, with the figures.</param>
/// <param name="IsAction">True for an action, false for an indicator.</param>
public sealed record ForwardItem(string Item, string Why, bool IsAction)
{
    /// <summary>
    /// Indicators off target (Red or Amber) at their latest result, indicators whose result is overdue, and
    /// actions whose end date is after the year's end.
    /// </summary>
    public static IReadOnlyList<ForwardItem> For(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var today = UkClock.DateAt(report.GeneratedAt);
        var off = report.Indicators.Where(i => i.RagCategory is RagStatus.Red or RagStatus.Amber)
            .OrderBy(i => i.RagCategory == RagStatus.Red ? 0 : 1)
            .Select(i => new ForwardItem($"{i.Code} {i.Name}",
                $"Off target ({ReportWords.Rag(i.RagCategory)}): {ReportFormat.Value(i.Result!.Value, i.Unit)} against a target of {ReportFormat.Value(i.Result.Target, i.Unit)} in {ReportWords.PeriodOf(i)}."
                + (string.IsNullOrWhiteSpace(i.Result.RemedialAction) ? " No remedial action was given." : $" Remedial action: {i.Result.RemedialAction}"), false));
        var overdue = report.Indicators.Where(i => !i.Reported && i.DueDate is { } due && due < today)
            .Select(i => new ForwardItem($"{i.Code} {i.Name}", $"No result for {i.PeriodCode} from {i.ServiceName} (due {ReportFormat.Date(i.DueDate)}): confirm the measure and its data.", false));
        var actions = report.Actions.Where(a => a.End is { } end && end > report.Period.End)
            .Select(a => new ForwardItem($"{a.Code} {a.Name}", $"Runs to {ReportFormat.Date(a.End)}, past the year's end ({a.ServiceName}).", true));
        return [.. off, .. overdue, .. actions];
    }
}
