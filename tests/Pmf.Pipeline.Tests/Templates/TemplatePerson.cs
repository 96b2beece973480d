using ClosedXML.Excel;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Templates;

namespace Pmf.Pipeline.Tests.Templates;

/// <summary>
/// Fills a generated template the way a person in a service would: opens it, types into the white cells
/// only (asserting each is unlocked, as Excel would insist), and saves it. Each quantitative value moves a
/// step from last period's towards the target, so nothing looks copied forward or far from history; a Red
/// result gets commentary and a remedial action, as the instructions ask.
/// </summary>
public sealed class TemplatePerson
{
    private readonly XLWorkbook _workbook;
    private readonly IXLWorksheet _sheet;
    private readonly Dictionary<string, int> _columns;

    public TemplatePerson(byte[] template)
    {
        _workbook = new XLWorkbook(new MemoryStream(template));
        _sheet = _workbook.Worksheet(TemplateWorkbook.SheetName);
        HeaderRow = _sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Indicator").RowNumber();
        _columns = Enumerable.Range(1, TemplateWorkbook.Header.Count).ToDictionary(c => _sheet.Cell(HeaderRow, c).GetString(), c => c);
    }

    public int HeaderRow { get; }

    public IXLWorksheet Sheet => _sheet;

    /// <summary>What was typed, by (indicator, period): the value and whether the row was written up as Red.</summary>
    public Dictionary<(string Code, string Period), (decimal? Value, string? Status, bool Red)> Typed { get; } = [];

    public IXLCell Cell(int row, string column) => _sheet.Cell(row, _columns[column]);

    public int RowOf(string code, string period) =>
        Enumerable.Range(HeaderRow + 1, 200).First(r => Cell(r, "Indicator").GetString() == code && Cell(r, "Period").GetString() == period);

    /// <summary>Fills every row from the template's lines; <paramref name="red"/> is the row to make Red on purpose.</summary>
    public void FillAll(ReturnTemplate template, TemplateLine? red = null)
    {
        var typedBefore = new Dictionary<string, decimal>();
        foreach (var line in template.Lines)
        {
            var row = RowOf(line.Indicator.Code, line.Period.Key);
            if (line.IsQualitative)
            {
                Type(row, "Status", "On track");
                Type(row, "Commentary", "Milestones for the period met.");
                Typed[(line.Indicator.Code, line.Period.Key)] = (null, "On track", false);
                continue;
            }

            var value = line == red ? RedValue(line) : Nudged(line, line.LastValue ?? typedBefore.GetValueOrDefault(line.Indicator.Code, line.Target ?? 50m));
            typedBefore[line.Indicator.Code] = value;
            Type(row, "Value", value);
            if (line.Indicator.Unit == Unit.Percent)
            {
                // Where the figures are to hand, a person gives them too: value = numerator / denominator x 100.
                Type(row, "Numerator", value * 10m);
                Type(row, "Denominator", 1000m);
            }

            var isRed = RagRule.Evaluate(value, line.Target, line.Indicator.Polarity, line.Indicator.Tolerance) == RagStatus.Red;
            if (isRed)
            {
                Type(row, "Commentary", "Below target: two vacancies in the team during the quarter.");
                Type(row, "Remedial action", "Agency cover approved; the head of service reviews the recovery plan monthly.");
            }

            Typed[(line.Indicator.Code, line.Period.Key)] = (value, null, isRed);
        }
    }

    /// <summary>Types into a cell, as long as the template lets a person type there.</summary>
    public void Type(int row, string column, object value)
    {
        var cell = Cell(row, column);
        Assert.False(cell.Style.Protection.Locked, $"{column} in row {row} is locked, so a person could not type '{value}' there.");
        if (value is string text)
        {
            cell.SetValue(text);
            cell.DataType = XLDataType.Text;
        }
        else
        {
            cell.Value = value;
        }
    }

    public byte[] Save()
    {
        using var stream = new MemoryStream();
        _workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static decimal Nudged(TemplateLine line, decimal basis)
    {
        var step = line.Indicator.Unit == Unit.Percent ? 0.5m : 1m;
        var towards = line.Target is { } target && target != basis ? Math.Sign(target - basis)
            : line.Indicator.Polarity == Polarity.LowerIsBetter ? -1 : 1;
        var value = Math.Round(basis, line.Indicator.Unit == Unit.Count ? 0 : 1) + (towards * step);
        return line.Indicator.Unit == Unit.Percent ? Math.Clamp(value, 0m, 100m) : Math.Max(value, 0m);
    }

    /// <summary>The first whole number on the wrong side of the target that scores Red.</summary>
    private static decimal RedValue(TemplateLine line)
    {
        var worse = line.Indicator.Polarity == Polarity.LowerIsBetter ? 1m : -1m;
        var value = Math.Round(line.Target!.Value, 0);
        while (RagRule.Evaluate(value, line.Target, line.Indicator.Polarity, line.Indicator.Tolerance) != RagStatus.Red)
        {
            value += worse;
        }

        return value;
    }
}
