using System.Globalization;
using System.Text;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Faults;

/// <summary>Issue 16, item 6: rejected garbage dropped again and again does not grow the warehouse.</summary>
public sealed class GarbageGrowthTests
{
    /// <summary>A CSV of <paramref name="rows"/> indicators the catalogue does not know: every row an error.</summary>
    public static byte[] UnknownIndicators(int rows)
    {
        var csv = new StringBuilder("Indicator,Period,Value\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"NOPE-{i},2026/27 Q1,{i}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public async Task A_file_stores_at_most_a_thousand_issues_and_its_report_says_how_many_more_of_each_rule()
    {
        await using var harness = await IngestHarness.CreateAsync();

        var outcome = await harness.DropAndIngestAsync("HOU/garbage.csv", UnknownIndicators(3_000));

        Assert.Equal(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.Equal(3_000, outcome.Load!.Errors);
        var counts = await harness.CountsAsync();
        Assert.Equal(1_000, counts["dq_issue"]);
        var perRule = await harness.QueryAsync<(string Rule, long Issues, long Stored)>("SELECT rule_id, issues, issues_stored FROM dq_issue_count");
        Assert.Equal(3_000, perRule.Sum(r => r.Issues));
        Assert.Equal(1_000, perRule.Sum(r => r.Stored));
        var report = await new SubmissionReportQuery(harness.Warehouse.Database).LoadAsync(outcome.Load.SubmissionId, CancellationToken.None);
        Assert.Equal(2_000, report.IssuesOmitted);
        var html = SubmissionReportHtml.Render(report);
        Assert.Contains($"{perRule[0].Rule}: 2,000", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_rejected_bytes_dropped_again_are_a_duplicate_and_add_no_issues()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var bytes = UnknownIndicators(50);
        var first = await harness.DropAndIngestAsync("HOU/garbage.csv", bytes);
        var before = await harness.CountsAsync();

        var again = await harness.DropAndIngestAsync("HOU/garbage (1).csv", bytes);
        var third = await harness.DropAndIngestAsync("HOU/garbage.csv", bytes);

        Assert.Equal(SubmissionVerdict.Rejected, first.Verdict);
        Assert.Equal((SubmissionVerdict.Duplicate, SubmissionVerdict.Duplicate), (again.Verdict, third.Verdict));
        Assert.Contains("already rejected as submission", again.Reason, StringComparison.Ordinal);
        var after = await harness.CountsAsync();
        Assert.Equal(before["dq_issue"], after["dq_issue"]);
        Assert.Equal(before["submission"] + 2, after["submission"]);
    }
}
