namespace Pmf.Pipeline.Samples;

/// <summary>The file formats a service may send.</summary>
public enum SampleFormat
{
    /// <summary>Excel workbook (.xlsx).</summary>
    Xlsx,

    /// <summary>Legacy Excel workbook (.xls).</summary>
    Xls,

    /// <summary>Comma-separated values (.csv), UTF-8.</summary>
    Csv,
}

/// <summary>A sample return as a service would drop it at <c>returns/&lt;service&gt;/&lt;file&gt;</c>.</summary>
/// <param name="ServiceCode">The service folder it is dropped in.</param>
/// <param name="FileName">The file name.</param>
/// <param name="Format">The file format.</param>
/// <param name="Lines">The data rows.</param>
/// <param name="StatedPeriod">When set, the period is stated above the header (<c>Period: …</c>) and rows leave it out.</param>
/// <param name="TitleBlock">Lines of title and instructions above the header, as real returns have.</param>
/// <param name="Story">What this file shows in the demo (e.g. "corrected resubmission").</param>
public sealed record SampleReturnFile(
    string ServiceCode,
    string FileName,
    SampleFormat Format,
    IReadOnlyList<SampleReturnLine> Lines,
    string? StatedPeriod,
    IReadOnlyList<string> TitleBlock,
    string Story)
{
    /// <summary>The path inside the returns container.</summary>
    public string ReturnPath => $"{ServiceCode}/{FileName}";
}
