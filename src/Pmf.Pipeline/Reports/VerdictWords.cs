using System.Globalization;

namespace Pmf.Pipeline.Reports;

/// <summary>How a verdict reads wherever a person sees it: mail subject, report heading, the CLI's table.</summary>
public static class VerdictWords
{
    /// <summary>"Loaded, but 3 rows rejected": a loaded file some of whose rows were not, said so plainly.</summary>
    public static string RowsRejected(int rows) =>
        string.Create(CultureInfo.InvariantCulture, $"Loaded, but {rows} row{(rows == 1 ? "" : "s")} rejected");
}
