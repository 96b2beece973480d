using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Finance;

/// <summary>
/// The Finance sheet's columns (docs/formats.md, "Finance sheet"), matched like a return's: ignoring case,
/// spaces and punctuation, synonyms accepted. Variance is optional (worked out when blank); Council is
/// needed only for a service shared by more than one council.
/// </summary>
public static class FinanceColumns
{
    /// <summary>The sheet's name: a workbook's visible sheet called Finance (a CSV is one when its header has the Finance columns).</summary>
    public const string SheetName = "Finance";

    /// <summary>Which council's budget (for a service shared by councils).</summary>
    public const string Council = "Council";

    /// <summary>The service's code.</summary>
    public const string Service = "Service";

    /// <summary>The quarter.</summary>
    public const string Period = "Period";

    /// <summary>The budget for the year.</summary>
    public const string Budget = "Budget";

    /// <summary>What the service expects to spend by the year's end.</summary>
    public const string ForecastOutturn = "Forecast outturn";

    /// <summary>Forecast outturn less budget.</summary>
    public const string Variance = "Variance";

    /// <summary>Why the forecast differs from the budget.</summary>
    public const string Commentary = "Commentary";

    /// <summary>Every column, with its synonyms.</summary>
    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        ColumnSpec.Optional(Council, "Council code", "Authority"),
        ColumnSpec.Optional(Service, "Service code", "Cost centre", "Service area"),
        ColumnSpec.Required(Period, "Quarter", "Reporting period"),
        ColumnSpec.Required(Budget, "Current budget", "Revised budget", "Annual budget", "Budget (£)"),
        ColumnSpec.Required(ForecastOutturn, "Forecast", "Projected outturn", "Outturn", "Forecast out-turn", "Forecast outturn (£)"),
        ColumnSpec.Optional(Variance, "Forecast variance", "Variance (£)"),
        ColumnSpec.Optional(Commentary, "Comment", "Narrative", "Notes", "Variance explanation"),
    ];

    /// <summary>True when <paramref name="sheetName"/> is the Finance sheet's name (ignoring case, spaces and punctuation).</summary>
    public static bool IsFinanceSheet(string sheetName) => ColumnName.Normalise(sheetName) == ColumnName.Normalise(SheetName);
}
