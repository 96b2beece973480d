using System.Text;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// Writes performance reports as HTML files: one per council, or for one council, for a quarter or a
/// financial year. What <c>pmf report</c> and <c>pmf demo</c> call.
/// </summary>
/// <param name="database">The warehouse.</param>
/// <param name="time">The clock: the report's date, and whether a missing return is overdue yet.</param>
public sealed class PerformanceReportWriter(WarehouseDatabase database, TimeProvider time)
{
    /// <summary>The periods a report on <paramref name="period"/> covers.</summary>
    /// <param name="kind">Quarterly (a quarter) or annual (a financial year, or any period in it).</param>
    /// <param name="period">The period the operator named.</param>
    /// <exception cref="ConfigurationProblemException">It is not a quarter for a quarterly report; the message says what to pass.</exception>
    public static ReportPeriods Periods(PerformanceReportKind kind, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (kind == PerformanceReportKind.Quarterly && period.Frequency != Frequency.Quarterly)
        {
            throw new ConfigurationProblemException(
                $"--period: {period.Key} is not a quarter; pass a quarter such as {Period.Quarter(period.Year.StartYear, 1).Key}, or add --annual for the financial year {period.Year.Key}.");
        }

        return ReportPeriods.For(kind, period);
    }

    /// <summary>Writes the report for each council (or the one named) into <paramref name="folder"/>.</summary>
    /// <param name="periods">The report's periods (see <see cref="Periods"/>).</param>
    /// <param name="councilCode">One council's code, or null for every council.</param>
    /// <param name="folder">The folder to write to; created if need be.</param>
    /// <param name="cancellationToken">Stops the work between councils and queries.</param>
    /// <returns>One entry per file written.</returns>
    /// <exception cref="ConfigurationProblemException">The council is not in the warehouse, or the warehouse has no councils.</exception>
    public async Task<IReadOnlyList<WrittenReport>> WriteAsync(ReportPeriods periods, string? councilCode, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var query = new PerformanceReportQuery(database);
        var councils = await ResolveAsync(query, database, councilCode, cancellationToken);
        Directory.CreateDirectory(folder);
        var written = new List<WrittenReport>();
        foreach (var council in councils)
        {
            var report = await query.LoadAsync(council, periods, time.GetUtcNow(), cancellationToken);
            var path = SafeFileName.Under(folder, FileName(report));
            await File.WriteAllTextAsync(path, PerformanceReportHtml.Render(report), new UTF8Encoding(false), cancellationToken);
            written.Add(new WrittenReport(council.Code, council.Name, report.Period.Key, path, report.Total, report.HasNoResults)
            {
                Review = report.Kind == PerformanceReportKind.Annual ? WrittenReview.Of(report) : null,
            });
        }

        return written;
    }

    /// <summary>
    /// Writes each committee's report (or the one named) into <paramref name="folder"/>: only the items it
    /// receives, naming its monitors. Writes nothing when the catalogue has no committees and none is named.
    /// </summary>
    /// <param name="periods">The report's periods (see <see cref="Periods"/>).</param>
    /// <param name="councilCode">Only this council's committees, or null for every council's.</param>
    /// <param name="committeeCode">One committee's code, or null for every committee.</param>
    /// <param name="folder">The folder to write to; created if need be.</param>
    /// <param name="cancellationToken">Stops the work between committees and queries.</param>
    /// <returns>One entry per file written.</returns>
    /// <exception cref="ConfigurationProblemException">The committee named is not in the warehouse.</exception>
    public async Task<IReadOnlyList<WrittenReport>> WriteCommitteesAsync(
        ReportPeriods periods, string? councilCode, string? committeeCode, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var query = new PerformanceReportQuery(database);
        var councils = await ResolveAsync(query, database, councilCode, cancellationToken);
        var all = await query.CommitteesAsync(cancellationToken);
        var committees = all.Where(c => councils.Any(x => x.Code == c.CouncilCode)
                                        && (committeeCode is null || string.Equals(c.Code, committeeCode.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
        if (committeeCode is not null && committees.Count == 0)
        {
            throw new ConfigurationProblemException(all.Count == 0
                ? $"There is no committee '{committeeCode}': the catalogue loaded has no Committees sheet; add one (docs/formats.md) and load it again, or leave out --committee."
                : $"There is no committee '{committeeCode}'{(councilCode is null ? "" : $" of council {councilCode}")} in the warehouse; pass one of {string.Join(", ", all.Select(c => c.Code))} to --committee.");
        }

        Directory.CreateDirectory(folder);
        var written = new List<WrittenReport>();
        foreach (var committee in committees)
        {
            var council = councils.First(c => c.Code == committee.CouncilCode);
            var report = await query.LoadAsync(committee, council, periods, time.GetUtcNow(), cancellationToken);
            var path = SafeFileName.Under(folder, FileName(report));
            await File.WriteAllTextAsync(path, PerformanceReportHtml.Render(report), new UTF8Encoding(false), cancellationToken);
            written.Add(new WrittenReport(council.Code, council.Name, report.Period.Key, path, report.Total, report.HasNoResults)
            {
                CommitteeCode = committee.Code,
                CommitteeName = committee.Name,
                Items = report.Indicators.Count,
            });
        }

        return written;
    }

    /// <summary>The councils a command covers: the one named, or all of them.</summary>
    /// <exception cref="ConfigurationProblemException">The council is not in the warehouse, or there are none.</exception>
    internal static async Task<IReadOnlyList<CouncilName>> ResolveAsync(
        PerformanceReportQuery query, WarehouseDatabase database, string? councilCode, CancellationToken cancellationToken)
    {
        var all = await query.CouncilsAsync(cancellationToken);
        if (all.Count == 0)
        {
            throw new ConfigurationProblemException($"The warehouse at {database.Location} has no councils yet; load a catalogue first with pmf catalogue load.");
        }

        if (councilCode is null)
        {
            return all;
        }

        var match = all.Where(c => string.Equals(c.Code, councilCode.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count > 0
            ? match
            : throw new ConfigurationProblemException(
                $"There is no council '{councilCode}' in the warehouse; pass one of {string.Join(", ", all.Select(c => c.Code))} to --council, or leave it out for every council.");
    }

    /// <summary>The report's file name, e.g. <c>ASH 2026-27 Q2 performance report.html</c>.</summary>
    public static string FileName(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var what = report.Kind == PerformanceReportKind.Annual ? "annual review" : "performance report";
        var who = report.Committee is { } committee ? $"{report.CouncilCode} {committee.Code} committee" : report.CouncilCode;
        return SafeFileName.Of($"{who} {report.Period.Key.Replace('/', '-')} {what}") + ".html";
    }
}

/// <summary>A report written to a file.</summary>
/// <param name="CouncilCode">The council.</param>
/// <param name="CouncilName">Its name.</param>
/// <param name="Period">The quarter or financial year.</param>
/// <param name="Path">The HTML file.</param>
/// <param name="Counts">The RAG counts on its summary.</param>
/// <param name="NoResults">True when nothing had been published for the period.</param>
public sealed record WrittenReport(string CouncilCode, string CouncilName, string Period, string Path, RagCounts Counts, bool NoResults)
{
    /// <summary>The committee the report was written for, or null for the council's whole report.</summary>
    public string? CommitteeCode { get; init; }

    /// <summary>The committee's name, or null.</summary>
    public string? CommitteeName { get; init; }

    /// <summary>How many indicators the report holds.</summary>
    public int? Items { get; init; }

    /// <summary>An annual review's headline counts, as its page shows them; null for a quarterly report.</summary>
    public WrittenReview? Review { get; init; }
}

/// <summary>An annual review's headline counts.</summary>
/// <param name="Year">The financial year, e.g. 2026/27.</param>
/// <param name="Complete">True when the year is over.</param>
/// <param name="AsAt">The day each indicator is shown at, e.g. 30 September 2026.</param>
/// <param name="Achievements">Achievements listed.</param>
/// <param name="CaseStudies">Case studies shown.</param>
/// <param name="Forward">Items carried forward into next year's plan.</param>
public sealed record WrittenReview(string Year, bool Complete, string AsAt, int Achievements, int CaseStudies, int Forward)
{
    internal static WrittenReview Of(PerformanceReport report)
    {
        var review = AnnualReview.Of(report);
        return new WrittenReview(report.Period.Key, report.IsComplete, AnnualReview.Day(report.AsAt.End), review.Achievements.Count, report.CaseStudies.Count, review.Forward.Count);
    }
}
