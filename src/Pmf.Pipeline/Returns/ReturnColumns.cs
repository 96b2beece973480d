using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// The columns of a return (FORMATS.md, "Return workbook (or CSV)") with the synonyms people use for them.
/// Names are compared as <see cref="ColumnName.Normalise"/> does: case, spaces, underscores and punctuation ignored.
/// </summary>
public static class ReturnColumns
{
    /// <summary>The indicator code: the only column every header must have.</summary>
    public const string Indicator = "Indicator";

    /// <summary>The period the value is for (unless one period is stated above the header).</summary>
    public const string Period = "Period";

    /// <summary>The quantitative result.</summary>
    public const string Value = "Value";

    /// <summary>The numerator the value was worked out from.</summary>
    public const string Numerator = "Numerator";

    /// <summary>The denominator the value was worked out from.</summary>
    public const string Denominator = "Denominator";

    /// <summary>The qualitative status (self-assessment).</summary>
    public const string Status = "Status";

    /// <summary>The sender's commentary.</summary>
    public const string Commentary = "Commentary";

    /// <summary>The remedial action for a result that has been Red.</summary>
    public const string RemedialAction = "Remedial action";

    /// <summary>A case study's title: marks the row's commentary as a story for the annual review.</summary>
    public const string CaseStudy = "Case study";

    /// <summary>Every column, in documented order, with its synonyms.</summary>
    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        ColumnSpec.Required(Indicator, "Indicator code", "PI code", "KPI", "Code", "Measure"),
        ColumnSpec.Optional(Period, "Quarter", "Month", "Reporting period"),
        ColumnSpec.Optional(Value, "Actual", "Result", "Outturn"),
        ColumnSpec.Optional(Numerator),
        ColumnSpec.Optional(Denominator),
        ColumnSpec.Optional(Status, "RAG", "Self assessment"),
        ColumnSpec.Optional(Commentary, "Comment", "Narrative", "Notes"),
        ColumnSpec.Optional(RemedialAction, "Action", "Improvement action"),
        ColumnSpec.Optional(CaseStudy, "Case study title", "For the annual report"),
    ];

    /// <summary>Reads header rows against <see cref="All"/>.</summary>
    internal static HeaderMatcher Matcher { get; } = new(All);

    /// <summary>The column list a sender is told to use, e.g. in a "no header" message.</summary>
    internal static string Expected =>
        "Indicator (or Indicator code, PI code, KPI, Code, Measure), Period (or Quarter, Month, Reporting period; "
        + "not needed when the period is stated above the header as 'Period: 2025/26 Q1'), and Value (or Actual, Result, Outturn) "
        + "or Status (or RAG, Self assessment); optionally Numerator, Denominator, Commentary, Remedial action, Case study";
}
