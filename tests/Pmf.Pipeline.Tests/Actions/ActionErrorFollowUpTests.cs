using Microsoft.Extensions.Logging.Abstractions;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Returns;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Actions;

/// <summary>
/// A refused update on a delivery-plan action is followed up like a refused result: a data-quality follow-up
/// to the action's head of service (in the digest, resolved by a clean update) and a caveat naming the action
/// in the committee report.
/// </summary>
public sealed class ActionErrorFollowUpTests
{
    private static readonly Period Q2 = Period.Quarter(2026, 2);

    private static byte[] Updates(params object?[]?[] rows) => ReturnFiles.Workbook(wb => ReturnFiles.Fill(wb.AddWorksheet("Actions"),
        [["Period: 2026/27 Q2"], ["Action", "Status", "% complete", "Commentary", "Revised date", "Reason for revised date", "Completion date"], .. rows]));

    private static readonly DateTime Revised = new(2027, 6, 30, 0, 0, 0, DateTimeKind.Unspecified);

    private static async Task<PerformanceReport> CommitteeReportAsync(IngestHarness harness)
    {
        var query = new PerformanceReportQuery(harness.Warehouse.Database);
        var ceac = (await query.CommitteesAsync(CancellationToken.None)).Single(c => c.Code == "SOD-CEAC");
        return await query.LoadAsync(ceac, new CouncilName("SOD", "South Oxfordshire District Council"), ReportPeriods.For(PerformanceReportKind.Quarterly, Q2), harness.Clock.GetUtcNow(), CancellationToken.None);
    }

    private static Task<List<(string Code, string Period, string Status, string Detail, string Owner)>> DataQualityFollowUpsAsync(IngestHarness harness) =>
        harness.QueryAsync<(string, string, string, string, string)>("""
            SELECT f.indicator_code, p.period_code, f.status, f.detail, f.owner_email FROM follow_up f JOIN dim_period p ON p.period_key = f.period_key
            WHERE f.kind = 'DataQuality' ORDER BY f.indicator_code
            """);

    [Fact]
    public async Task A_refused_action_update_is_followed_up_with_the_head_of_service_and_resolved_by_a_clean_update()
    {
        await using var harness = await ActionHarness.CreateAsync();
        var sweep = new SweepJob(harness.Warehouse.Database, null, harness.Clock, NullLogger<SweepJob>.Instance);
        var refused = await harness.DropAndIngestAsync("CLM/q2.xlsx", Updates(
            ["SOD-A01", "On track", 45, "Reported to CEAC.", null, null, null],
            ["sod-a02 ", "Off track", 20, "Surveyor unavailable.", Revised, null, null]));

        await sweep.RunAsync(null, CancellationToken.None);

        var issue = Assert.Single(refused.Issues, i => i.RuleId == "DQ105");
        Assert.Equal(("SOD-A02", "2026/27 Q2"), (issue.IndicatorCode, issue.PeriodKey));
        var clm = ActionHarness.Framework.Services.Single(s => s.Code == "CLM").HeadOfServiceEmail;
        Assert.Equal([("SOD-A02", "2026/27 Q2", "Open", "DQ105", clm)], await DataQualityFollowUpsAsync(harness));
        await using (var connection = await harness.Warehouse.OpenAsync())
        {
            var digest = (await DigestQuery.PendingAsync(connection, harness.Clock.GetUtcNow(), TimeSpan.FromDays(7), CancellationToken.None)).Single(d => d.ServiceCode == "CLM");
            var text = DigestText.Render(digest);
            Assert.Contains("Data-quality failures", text, StringComparison.Ordinal);
            Assert.Contains($"SOD-A02 Biodiversity baseline of the council's land (2026/27 Q2): DQ105: {issue.Message}", text, StringComparison.Ordinal);
        }

        await harness.DropAndIngestAsync("CLM/q2 corrected.xlsx", Updates(
            ["SOD-A02", "Off track", 20, "Surveyor unavailable.", Revised, "Survey season missed."]));
        await sweep.RunAsync(null, CancellationToken.None);

        Assert.Equal([("SOD-A02", "2026/27 Q2", "Resolved", "DQ105", clm)], await DataQualityFollowUpsAsync(harness));
    }

    [Fact]
    public async Task The_committee_report_says_which_actions_update_was_refused_until_a_clean_one_arrives()
    {
        await using var harness = await ActionHarness.CreateAsync();
        await harness.DropAndIngestAsync("CLM/q2.xlsx", Updates(
            ["SOD-A01", "On track", 45, "Reported to CEAC.", null, null, null],
            ["SOD-A02", "Off track", 20, "Surveyor unavailable.", Revised, null, null]));

        var refused = await CommitteeReportAsync(harness);
        await harness.DropAndIngestAsync("CLM/q2 corrected.xlsx", Updates(
            ["SOD-A02", "Off track", 20, "Surveyor unavailable.", Revised, "Survey season missed."]));
        var corrected = await CommitteeReportAsync(harness);

        var caveat = Assert.Single(refused.Caveats);
        Assert.Equal(("SOD-A02", "2026/27 Q2", "DQ105", "Biodiversity baseline of the council's land"), (caveat.IndicatorCode, caveat.PeriodCode, caveat.RuleId, caveat.ActionName));
        var html = Dom.Parse(PerformanceReportHtml.Render(refused));
        var row = html.QuerySelectorAll("#caveats tbody tr").Single().QuerySelectorAll("td").Select(td => td.Words());
        Assert.Equal(["SOD-A02 Biodiversity baseline of the council's land", "2026/27 Q2", "Revised date without a reason: the service's update on this action for this period was refused, so this report shows an earlier update or none."], row);
        Assert.Equal("Indicator or action", html.One("#caveats thead th").Words());
        Assert.Empty(corrected.Caveats);
    }
}
