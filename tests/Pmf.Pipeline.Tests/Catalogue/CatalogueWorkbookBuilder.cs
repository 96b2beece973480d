using ClosedXML.Excel;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Tests.Workbooks;

namespace Pmf.Pipeline.Tests.Catalogue;

/// <summary>A value written with a number format, e.g. 0.85 shown as 85%.</summary>
public sealed record Formatted(object Value, string Format);

/// <summary>
/// A valid catalogue workbook (two councils, four priority rows, two services, five indicators, six
/// targets) that a test spoils in one place and then reads. Data rows are numbered from 1 below the
/// header; <see cref="RowOf"/> gives the row number Excel shows.
/// </summary>
public sealed class CatalogueWorkbookBuilder
{
    private readonly List<SheetData> _sheets =
    [
        new("Councils", ["Code", "Name"],
        [
            ["ABC", "Anytown Borough Council"],
            ["XYZ", "Exampleshire District Council"],
        ]),
        new("Priorities", ["Council", "Code", "Name", "Objective code", "Objective"],
        [
            ["ABC", "P1", "Homes", "O1", "More affordable homes"],
            ["ABC", "P1", "Homes", "O2", "Fewer empty homes"],
            ["ABC", "P2", "Clean and green", null, null],
            ["XYZ", "P1", "Thriving economy", "O1", "More local jobs"],
        ]),
        new("Services", ["Code", "Name", "Head of service", "Head of service email", "Director", "Director email"],
        [
            ["HOU", "Housing", "Jo Bloggs", "jo.bloggs@anytown.gov.uk", "Sam Patel", "sam.patel@anytown.gov.uk"],
            ["ENV", "Environment", "Alex Smith", "alex.smith@anytown.gov.uk", null, null],
        ]),
        new("Indicators", ["Code", "Name", "Description", "Council", "Priority", "Objective", "Service", "Type", "Unit", "Polarity", "Frequency", "Multiplier", "Tolerance", "Due (working days)", "Source", "Lead officer", "Committee", "Active from", "Active to"],
        [
            ["HOU-01", "Affordable homes delivered", "Net additional affordable homes", "ABC", "P1", "O1", "HOU", "Quantitative", "count", "Higher is better", "Quarterly", null, "5%", 10, "Return", "Jo Bloggs", "Housing Committee", null, null],
            ["HOU-02", "Empty homes brought back into use", null, "ABC", "P1", "O2", "HOU", "Quantitative", "%", "Higher is better", "Quarterly", 100, 2, 15, null, null, null, new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Unspecified), null],
            ["ENV-01", "Household waste recycled", null, "ABC", "P2", null, "ENV", "Quantitative", "%", "Higher is better", "Monthly", null, "5%", null, null, null, null, null, null],
            ["ENV-02", "Missed bins per 1,000 collections", null, "XYZ", "P1", "O1", "ENV", "Quantitative", "ratio", "Lower is better", "Monthly", 1000, 0.5, 5, "Bartec", null, null, null, null],
            ["HOU-03", "Deliver the housing strategy", null, "ABC", "P1", null, "HOU", "Qualitative", null, null, "Annual", null, null, null, null, null, null, null, null],
        ]),
        new("Targets", ["Indicator", "Period", "Target", "Amber threshold"],
        [
            ["HOU-01", "2025/26", 400, null],
            ["HOU-01", "2025/26 Q1", 90, 80],
            ["HOU-02", "2025/26", new Formatted(0.85, "0%"), null],
            ["ENV-01", "2025/26", 55, 50],
            ["ENV-01", "2025/26 M01", 52, null],
            ["ENV-02", "2025/26", 3, 3.5],
        ]),
    ];

    /// <summary>The Excel row number of data row <paramref name="dataRow"/> (1 = first row below the header).</summary>
    public int RowOf(string sheet, int dataRow) => Sheet(sheet).Titles.Count + 1 + dataRow;

    /// <summary>The Excel row number of the header.</summary>
    public int HeaderRowOf(string sheet) => Sheet(sheet).Titles.Count + 1;

    public CatalogueWorkbookBuilder Set(string sheet, int dataRow, string column, object? value)
    {
        var data = Sheet(sheet);
        data.Rows[dataRow - 1][data.Column(column)] = value;
        return this;
    }

    /// <summary>Appends a row, values in header order; returns its data row number through <paramref name="dataRow"/>.</summary>
    public CatalogueWorkbookBuilder AddRow(string sheet, out int dataRow, params object?[] values)
    {
        var data = Sheet(sheet);
        var row = new object?[data.Headers.Count];
        values.CopyTo(row, 0);
        data.Rows.Add(row);
        dataRow = data.Rows.Count;
        return this;
    }

    public CatalogueWorkbookBuilder RemoveRows(string sheet)
    {
        Sheet(sheet).Rows.Clear();
        return this;
    }

    /// <summary>Adds a sheet (e.g. the optional Committees sheet) with its header and rows.</summary>
    public CatalogueWorkbookBuilder AddSheet(string name, string[] headers, params object?[][] rows)
    {
        _sheets.Add(new SheetData(name, [.. headers], [.. rows]));
        return this;
    }

    public CatalogueWorkbookBuilder RemoveSheet(string sheet)
    {
        _sheets.Remove(Sheet(sheet));
        return this;
    }

    public CatalogueWorkbookBuilder RenameSheet(string sheet, string tabName)
    {
        Sheet(sheet).TabName = tabName;
        return this;
    }

    public CatalogueWorkbookBuilder RemoveColumn(string sheet, string column)
    {
        var data = Sheet(sheet);
        var index = data.Column(column);
        data.Headers.RemoveAt(index);
        foreach (var row in data.Rows.ToList())
        {
            data.Rows[data.Rows.IndexOf(row)] = [.. row.Where((_, i) => i != index)];
        }

        return this;
    }

    /// <summary>Appends a column, blank in every row, for a test to <see cref="Set"/>.</summary>
    public CatalogueWorkbookBuilder AddColumn(string sheet, string header)
    {
        var data = Sheet(sheet);
        data.Headers.Add(header);
        for (var i = 0; i < data.Rows.Count; i++)
        {
            data.Rows[i] = [.. data.Rows[i], null];
        }

        return this;
    }

    public CatalogueWorkbookBuilder RenameColumn(string sheet, string column, string header)
    {
        var data = Sheet(sheet);
        data.Headers[data.Column(column)] = header;
        return this;
    }

    public CatalogueWorkbookBuilder TitleRows(string sheet, params string[] titles)
    {
        Sheet(sheet).Titles.AddRange(titles);
        return this;
    }

    public MemoryStream ToStream() => Xlsx.Build(workbook =>
    {
        foreach (var data in _sheets)
        {
            var sheet = workbook.Worksheets.Add(data.TabName);
            var r = 1;
            foreach (var title in data.Titles)
            {
                sheet.Cell(r++, 1).Text(title);
            }

            Write(sheet.Row(r++), data.Headers.Cast<object?>().ToArray());
            foreach (var row in data.Rows)
            {
                Write(sheet.Row(r++), row);
            }
        }
    });

    /// <summary>The same catalogue as an Excel 97-2003 .xls (BIFF8), written by <see cref="XlsWriter"/>.</summary>
    public MemoryStream ToXlsStream() => new(XlsWriter.Write(_sheets.Select(data => (data.TabName, (IReadOnlyList<object?[]>)
    [
        .. data.Titles.Select(t => new object?[] { t }),
        data.Headers.Cast<object?>().ToArray(),
        .. data.Rows.Select(row => row.Select(v => v is Formatted f ? (f.Format.Contains('%', StringComparison.Ordinal) ? new XlsWriter.PercentValue(Convert.ToDouble(f.Value, System.Globalization.CultureInfo.InvariantCulture)) : f.Value) : v).ToArray()),
    ]))));

    public CatalogueReadResult Read(string fileName = "catalogue.xlsx") => CatalogueReader.Read(ToStream(), fileName);

    private static void Write(IXLRow row, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var cell = row.Cell(i + 1);
            switch (values[i])
            {
                case null:
                    break;
                case string text:
                    cell.Text(text);
                    break;
                case DateTime date:
                    cell.Value = date;
                    cell.Style.NumberFormat.Format = "dd/mm/yyyy";
                    break;
                case Formatted formatted:
                    cell.Value = formatted.Value;
                    cell.Style.NumberFormat.Format = formatted.Format;
                    break;
                case bool flag:
                    cell.Value = flag;
                    break;
                case var number:
                    cell.Value = Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }
    }

    private SheetData Sheet(string name) => _sheets.Single(s => s.Name == name);

    private sealed class SheetData(string name, List<string> headers, List<object?[]> rows)
    {
        public string Name { get; } = name;

        public string TabName { get; set; } = name;

        public List<string> Headers { get; } = headers;

        public List<object?[]> Rows { get; } = rows;

        public List<string> Titles { get; } = [];

        public int Column(string header)
        {
            var index = Headers.IndexOf(header);
            return index >= 0 ? index : throw new ArgumentException($"No column {header} on {Name}.", nameof(header));
        }
    }
}
