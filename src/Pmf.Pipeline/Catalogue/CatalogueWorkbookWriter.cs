using System.Globalization;
using ClosedXML.Excel;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// Writes a <see cref="Framework"/> as the catalogue workbook of FORMATS.md: the layout a
/// performance team keeps by hand, and the one <c>CatalogueReader</c> reads back.
/// </summary>
public static class CatalogueWorkbookWriter
{
    /// <summary>Writes <paramref name="framework"/> to an .xlsx file at <paramref name="path"/>.</summary>
    public static void Write(Framework framework, string path)
    {
        ArgumentNullException.ThrowIfNull(framework);
        using var workbook = new XLWorkbook();
        AddSheet(workbook, "Councils", ["Code", "Name", "Nation"], framework.Councils.Select(c => new object?[] { c.Code, c.Name, NationNames.Text(c.Nation) }));
        AddSheet(
            workbook,
            "Priorities",
            ["Council", "Code", "Name", "Objective code", "Objective"],
            framework.Priorities.Select(p => new object?[] { p.CouncilCode, p.Code, p.Name, p.ObjectiveCode, p.ObjectiveName }));
        // Return contacts only when a service has some, so a catalogue without them reads as it always did.
        var contacts = framework.Services.Any(s => s.ReturnContacts.Count > 0);
        AddSheet(
            workbook,
            "Services",
            ["Code", "Name", "Head of service", "Head of service email", "Director", "Director email", .. (contacts ? new[] { "Return contacts" } : [])],
            framework.Services.Select(s => (object?[])[s.Code, s.Name, s.HeadOfService, s.HeadOfServiceEmail, s.Director, s.DirectorEmail, .. (contacts ? new object?[] { string.Join("; ", s.ReturnContacts) } : [])]));
        AddSheet(
            workbook,
            "Indicators",
            ["Code", "Name", "Description", "Council", "Priority", "Objective", "Service", "Type", "Unit", "Polarity", "Frequency",
             "Multiplier", "Tolerance", "Due (working days)", "Source", "Lead officer", "Committee", "Active from", "Active to",
             "Percent beyond 0-100", "Accumulates"],
            framework.Indicators.Select(IndicatorRow));
        AddSheet(
            workbook,
            "Targets",
            ["Indicator", "Period", "Target", "Amber threshold", "Reason", "Changed from"],
            framework.Targets.Select(t => new object?[] { t.IndicatorCode, t.Period.Key, t.Value, t.AmberThreshold, t.Reason, t.ChangedFrom?.ToDateTime(TimeOnly.MinValue) }));
        if (framework.Actions.Count > 0)
        {
            AddSheet(
                workbook,
                "Actions",
                ["Code", "Name", "Council", "Priority", "Objective", "Service", "Lead officer", "Start", "End"],
                framework.Actions.Select(a => new object?[]
                {
                    a.Code, a.Name, a.CouncilCode, a.PriorityCode, a.ObjectiveCode, a.ServiceCode, a.LeadOfficer,
                    a.Start?.ToDateTime(TimeOnly.MinValue), a.End?.ToDateTime(TimeOnly.MinValue),
                }));
            AddSheet(
                workbook,
                "Milestones",
                ["Action", "Milestone", "Due"],
                framework.Milestones.Select(m => new object?[] { m.ActionCode, m.Name, m.Due.ToDateTime(TimeOnly.MinValue) }));
        }

        if (framework.Committees.Count > 0)
        {
            AddSheet(
                workbook,
                "Committees",
                ["Code", "Name", "Council", "Kind", "Performance monitors"],
                framework.Committees.Select(c => new object?[] { c.Code, c.Name, c.CouncilCode, c.Kind.ToString(), c.Monitors.Count == 0 ? null : string.Join("; ", c.Monitors) }));
            AddSheet(
                workbook,
                "Committee items",
                ["Committee", "Priority", "Objective", "Indicator", "Action"],
                framework.CommitteeItems.Select(CommitteeItemRow));
        }

        CatalogueDropDowns.Add(workbook);
        workbook.SaveAs(path);
    }

    /// <summary>The catalogue's spelling of a unit.</summary>
    public static string UnitText(Unit unit) => unit switch
    {
        Unit.Percent => "%",
        Unit.Count => "count",
        Unit.Pounds => "£",
        Unit.Days => "days",
        Unit.Ratio => "ratio",
        _ => "score",
    };

    /// <summary>The catalogue's spelling of a polarity.</summary>
    public static string PolarityText(Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "Higher is better",
        Polarity.LowerIsBetter => "Lower is better",
        _ => "None",
    };

    private static object?[] IndicatorRow(Indicator i) =>
    [
        i.Code, i.Name, i.Description, i.CouncilCode, i.PriorityCode, i.ObjectiveCode, i.ServiceCode,
        i.Type.ToString(), UnitText(i.Unit), PolarityText(i.Polarity), i.Frequency.ToString(),
        i.Multiplier, i.Tolerance.ToString(), i.DueWorkingDays, i.Source, i.LeadOfficer, i.Committee,
        i.ActiveFrom?.ToDateTime(TimeOnly.MinValue), i.ActiveTo?.ToDateTime(TimeOnly.MinValue),
        i.Unit == Unit.Percent ? (i.PercentBeyondRange ? "Yes" : "No") : null,
        AccumulationCell.Text(i.Accumulation),
    ];

    private static object?[] CommitteeItemRow(CommitteeItem item) =>
    [
        item.CommitteeCode,
        item.Kind == CommitteeItemKind.Priority ? item.Code : null,
        item.Kind == CommitteeItemKind.Objective ? item.Code : null,
        item.Kind == CommitteeItemKind.Indicator ? item.Code : null,
        item.Kind == CommitteeItemKind.Action ? item.Code : null,
    ];

    private static void AddSheet(XLWorkbook workbook, string name, string[] header, IEnumerable<object?[]> rows)
    {
        var sheet = workbook.AddWorksheet(name);
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                SetCell(sheet.Cell(r, c + 1), row[c]);
            }

            r++;
        }

        sheet.SheetView.FreezeRows(1);
        // Fixed widths: measuring text needs GDI+ fonts, which servers and containers lack.
        for (var c = 1; c <= header.Length; c++)
        {
            sheet.Column(c).Width = Math.Clamp(header[c - 1].Length + 4, 12, 40);
        }
    }

    private static void SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case DateTime date:
                cell.Value = date;
                cell.Style.DateFormat.Format = "dd/mm/yyyy";
                break;
            case decimal number:
                cell.Value = number;
                break;
            case int number:
                cell.Value = number;
                break;
            case string text:
                // Text is data: a leading '=' must never become a formula.
                cell.SetValue(text);
                cell.DataType = XLDataType.Text;
                break;
            default:
                cell.SetValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
