namespace Pmf.Pipeline.Sources;

/// <summary>
/// Where a record's values are: for JSON, dotted paths inside each record (and <see cref="RecordsPath"/>
/// to the records); for SQL, column names. A mapped field a record lacks is schema drift and rejects
/// the pull; a field present but null is a blank.
/// </summary>
public sealed class SourceMapping
{
    /// <summary>For JSON: the path to the array of records (empty when the body is the array).</summary>
    public string RecordsPath { get; set; } = "";

    /// <summary>The field holding the indicator code; ignored when <see cref="IndicatorCode"/> is set.</summary>
    public string Indicator { get; set; } = "indicator";

    /// <summary>A fixed indicator code for a source that reports one indicator.</summary>
    public string IndicatorCode { get; set; } = "";

    /// <summary>The field holding the period (any form a return may use); empty to take the period asked for (needs <c>{period}</c> in the URL).</summary>
    public string Period { get; set; } = "period";

    /// <summary>The field holding the value.</summary>
    public string Value { get; set; } = "value";

    /// <summary>The field holding the numerator, if the source gives one.</summary>
    public string Numerator { get; set; } = "";

    /// <summary>The field holding the denominator, if the source gives one.</summary>
    public string Denominator { get; set; } = "";

    /// <summary>The field holding commentary, if the source gives it.</summary>
    public string Commentary { get; set; } = "";
}
