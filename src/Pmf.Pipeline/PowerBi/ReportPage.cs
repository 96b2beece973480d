namespace Pmf.Pipeline.PowerBi;

/// <summary>A page of the starter report.</summary>
/// <param name="Name">Its name in the PBIR folder (<c>pages/&lt;name&gt;/</c>), stable from run to run.</param>
/// <param name="DisplayName">The tab the analyst sees.</param>
/// <param name="Visuals">What is on it.</param>
public sealed record ReportPage(string Name, string DisplayName, IReadOnlyList<ReportVisual> Visuals);

/// <summary>A visual on a page: its type, where it sits (pixels on a 1280 × 720 page) and the fields in each of its roles.</summary>
/// <param name="Name">Its name, unique on the page (<c>visuals/&lt;name&gt;/</c>).</param>
/// <param name="VisualType">Power BI's visual type, e.g. <c>clusteredBarChart</c>, <c>lineChart</c>, <c>tableEx</c>.</param>
/// <param name="Title">The title shown above it.</param>
/// <param name="Box">Left, top, width and height.</param>
/// <param name="Roles">Role (<c>Category</c>, <c>Y</c>, <c>Values</c>…) to the fields in it, in order.</param>
/// <param name="SortBy">The field the visual sorts by, ascending; null for Power BI's default.</param>
public sealed record ReportVisual(
    string Name,
    string VisualType,
    string Title,
    (int X, int Y, int Width, int Height) Box,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<ReportField>>> Roles,
    ReportField? SortBy = null);

/// <summary>A field of the model a visual shows: a column or a measure of a table.</summary>
/// <param name="Table">The table, e.g. <c>Result</c>.</param>
/// <param name="Name">The column or measure, e.g. <c>RAG</c>.</param>
/// <param name="IsMeasure">A measure rather than a column.</param>
public sealed record ReportField(string Table, string Name, bool IsMeasure)
{
    /// <summary>A column.</summary>
    public static ReportField Column(string table, string name) => new(table, name, IsMeasure: false);

    /// <summary>A measure.</summary>
    public static ReportField Measure(string table, string name) => new(table, name, IsMeasure: true);
}
