namespace Pmf.Pipeline.Calendar;

/// <summary>Regular-expression fragments shared by the period forms, matched against <see cref="PeriodText.Normalise"/>d text.</summary>
internal static class PeriodForms
{
    /// <summary>A financial year: <c>2025/26</c>, <c>2025-26</c>, <c>2025/2026</c>, <c>25/26</c>, optionally after <c>FY</c>.</summary>
    public const string FinancialYear = @"(?:FY ?)?(?<y>\d{4}|\d{2})[/-](?<e>\d{4}|\d{2})";

    /// <summary>A quarter number: <c>Q1</c>, <c>Q 1</c>, <c>Qtr 1</c>, <c>Quarter 1</c>.</summary>
    public const string QuarterNumber = @"(?:Q|QTR|QUARTER) ?(?<q>\d{1,2})";

    /// <summary>A month of the financial year: <c>M01</c>, <c>M1</c>, <c>Month 1</c>.</summary>
    public const string MonthNumber = @"(?:M|MONTH) ?(?<m>\d{1,2})";

    /// <summary>What a person who typed an unreadable period should write instead.</summary>
    public const string Examples = "write it as e.g. 2025/26 Q1, Apr 2025 or 2025/26";
}
