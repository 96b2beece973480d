namespace Pmf.Pipeline.Sources;

/// <summary>The field names a mapping reads from each record, in a fixed order.</summary>
internal static class MappedFields
{
    public static IReadOnlyList<string> Of(SourceMapping mapping)
    {
        string[] fields =
        [
            string.IsNullOrWhiteSpace(mapping.IndicatorCode) ? mapping.Indicator : "",
            mapping.Period,
            mapping.Value,
            mapping.Numerator,
            mapping.Denominator,
            mapping.Commentary,
        ];
        return [.. fields.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
