namespace Pmf.Pipeline.Templates;

/// <summary>One row of a template's Finance sheet: a council whose budget the service reports, with the budget already known.</summary>
/// <param name="CouncilCode">The council.</param>
/// <param name="Budget">The budget the service gave for an earlier quarter of the same year, if any (pre-filled; the service may change it).</param>
public sealed record TemplateFinance(string CouncilCode, decimal? Budget);
