using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>Picks a row's cells out by the header's columns, untouched, and fills in a stated period.</summary>
internal sealed class ReturnRowMapper(ReturnLayout layout, string indicatorHeader)
{
    private readonly string _sheet = layout.Sheet;
    private readonly int? _indicator = layout.Column(ReturnColumns.Indicator)?.Index;
    private readonly int? _period = layout.Column(ReturnColumns.Period)?.Index;
    private readonly int? _value = layout.Column(ReturnColumns.Value)?.Index;
    private readonly int? _numerator = layout.Column(ReturnColumns.Numerator)?.Index;
    private readonly int? _denominator = layout.Column(ReturnColumns.Denominator)?.Index;
    private readonly int? _status = layout.Column(ReturnColumns.Status)?.Index;
    private readonly int? _commentary = layout.Column(ReturnColumns.Commentary)?.Index;
    private readonly int? _remedialAction = layout.Column(ReturnColumns.RemedialAction)?.Index;
    private readonly int? _caseStudy = layout.Column(ReturnColumns.CaseStudy)?.Index;
    private readonly WorkbookCell? _statedPeriod = layout.StatedPeriod?.Value;
    private readonly string _indicatorHeader = ColumnName.Normalise(indicatorHeader);

    /// <summary>
    /// The row as a <see cref="ReturnRow"/>; null when it holds nothing under the return's columns (only under
    /// ignored ones) or repeats the header (a pasted second copy of the template).
    /// </summary>
    public ReturnRow? Map(WorkbookRow row)
    {
        var indicator = Cell(row, _indicator);
        var period = Cell(row, _period);
        var value = Cell(row, _value);
        var numerator = Cell(row, _numerator);
        var denominator = Cell(row, _denominator);
        var status = Cell(row, _status);
        var commentary = Cell(row, _commentary);
        var remedialAction = Cell(row, _remedialAction);
        var caseStudy = Cell(row, _caseStudy);
        if (indicator.IsBlank && period.IsBlank && value.IsBlank && numerator.IsBlank && denominator.IsBlank
            && status.IsBlank && commentary.IsBlank && remedialAction.IsBlank && caseStudy.IsBlank)
        {
            return null;
        }

        if (indicator.Value is string code && ColumnName.Normalise(code) == _indicatorHeader)
        {
            return null;
        }

        var periodIsStated = period.IsBlank && _statedPeriod is not null;
        return new ReturnRow(_sheet, row.RowNumber, indicator, periodIsStated ? _statedPeriod!.Value : period, value, numerator, denominator, status, commentary, remedialAction)
        {
            PeriodIsStated = periodIsStated,
            CaseStudy = caseStudy,
        };
    }

    private static WorkbookCell Cell(WorkbookRow row, int? column) => column is { } index ? row[index] : WorkbookCell.Blank;
}
