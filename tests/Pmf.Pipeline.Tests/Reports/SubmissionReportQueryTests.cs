using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Tests.Warehouse;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Reports;

public sealed class SubmissionReportQueryTests
{
    private static readonly QualityIssue[] Issues =
    [
        new("DQ010", Severity.Warning, "Commentary is missing.", "Return", 9, "Commentary", "", "ASH-HOU-02", "2025/26 M03"),
        new("DQ004", Severity.Error, "Value is not a number.", "Return", 8, "Value", "lots", "ASH-HOU-01", "2025/26 Q1"),
        new("DQ020", Severity.Warning, "The file has a sheet the pipeline ignored."),
    ];

    [Fact]
    public async Task The_report_is_read_back_with_the_service_and_its_issues_file_level_first_then_by_row()
    {
        using var w = await LoaderWarehouse.CreateAsync();
        var summary = await w.LoadAsync("hash-1", [LoaderWarehouse.Result("ASH-HOU-01", Period.Quarter(2025, 1), 31m)], Issues, SubmissionVerdict.AcceptedWithWarnings);

        var report = await new SubmissionReportQuery(w.Warehouse.Database).LoadAsync(summary.SubmissionId, CancellationToken.None);

        Assert.Equal((summary.SubmissionId, "housing-q1.xlsx", "Housing", "Priya Shah", "priya.shah@ashbyvale-brookmere.gov.uk"),
            (report.SubmissionId, report.FileName, report.ServiceName, report.HeadOfServiceName, report.HeadOfServiceEmail));
        Assert.Equal((SubmissionVerdict.AcceptedWithWarnings, 1, 1, 1, 2), (report.Verdict, report.RowsLoaded, report.RowsRejected, report.Errors, report.Warnings));
        Assert.Equal((LoaderWarehouse.Now.AddMinutes(-5), LoaderWarehouse.Now), (report.ReceivedAt, report.ProcessedAt));
        Assert.Equal([Issues[2], Issues[1], Issues[0]], report.Issues);
    }

    [Fact]
    public async Task A_report_holds_at_most_MaxIssues_and_counts_the_rest()
    {
        using var w = await LoaderWarehouse.CreateAsync();
        var summary = await w.LoadAsync("hash-1", [], Issues, SubmissionVerdict.Rejected);

        var report = await new SubmissionReportQuery(w.Warehouse.Database) { MaxIssues = 2 }.LoadAsync(summary.SubmissionId, CancellationToken.None);

        Assert.Equal((2, 1), (report.Issues.Count, report.IssuesOmitted));
    }

    [Fact]
    public async Task An_unknown_submission_is_an_error_not_an_empty_report()
    {
        using var w = await LoaderWarehouse.CreateAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => new SubmissionReportQuery(w.Warehouse.Database).LoadAsync(99, CancellationToken.None));
    }
}
