using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Templates;

/// <summary>What one service owes for one period: the rows of its return template, ready to write.</summary>
/// <param name="Service">The service the template is for.</param>
/// <param name="Period">The template's period (a month, quarter or financial year).</param>
/// <param name="Lines">The indicator rows owed, by indicator code then period; empty when the service owes none for the period.</param>
/// <param name="DueBy">The day the return is due: the period's end plus the working days its indicators allow (its actions', when it owes only action updates).</param>
public sealed record ReturnTemplate(Service Service, Period Period, IReadOnlyList<TemplateLine> Lines, DateOnly DueBy)
{
    /// <summary>The Finance sheet's rows (one per council the service reports for); empty unless the period is a quarter.</summary>
    public IReadOnlyList<TemplateFinance> Finance { get; init; } = [];
    /// <summary>The delivery-plan actions the service owes an update on for the period (its Actions sheet); none when it owes none.</summary>
    public IReadOnlyList<TemplateAction> Actions { get; init; } = [];

    /// <summary>True when the service owes nothing for the period: no indicator rows and no action updates.</summary>
    public bool OwesNothing => Lines.Count == 0 && Actions.Count == 0;

    /// <summary>True when the service owes action updates but no indicator rows: its workbook holds only the Actions sheet.</summary>
    public bool ActionsOnly => Lines.Count == 0 && Actions.Count > 0;

    /// <summary>The file name a template is sent under: <c>HOU 2025-26 Q1 return.xlsx</c> (no <c>/</c>, which file names cannot hold).</summary>
    public string FileName => SafeFileName.Of($"{Service.Code} {Period.Key.Replace('/', '-')} return") + ".xlsx";
}
