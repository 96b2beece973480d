using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Sources;

/// <summary>
/// Turns a pull's records into return rows, so the quality gate reads them exactly as it reads a
/// return: the sheet is the source's name and the row is the record's number. A mapped field that
/// records lack is schema drift: the whole pull is rejected with one clear issue, never loaded as blanks.
/// </summary>
internal static class SourceRows
{
    public static IReadOnlyList<ReturnRow> Map(SourceDefinition source, IReadOnlyList<SourceRecord> records)
    {
        var m = source.Mapping;
        var fixedCode = string.IsNullOrWhiteSpace(m.IndicatorCode) ? null : m.IndicatorCode.Trim();
        return [.. records.Select(r => new ReturnRow(
            source.Name,
            r.Number,
            fixedCode is null ? Cell(r, m.Indicator) : new WorkbookCell(fixedCode, null),
            string.IsNullOrWhiteSpace(m.Period) ? new WorkbookCell(r.WindowPeriod, null) : Cell(r, m.Period),
            Cell(r, m.Value),
            Cell(r, m.Numerator),
            Cell(r, m.Denominator),
            WorkbookCell.Blank,
            Cell(r, m.Commentary),
            WorkbookCell.Blank))];
    }

    /// <summary>The DQ001 issue for the first mapped field some records lack, or null when every record has every field.</summary>
    public static QualityIssue? Drift(SourceDefinition source, IReadOnlyList<SourceRecord> records)
    {
        var m = source.Mapping;
        (string Setting, string Field)[] mapped =
        [
            (nameof(SourceMapping.Indicator), string.IsNullOrWhiteSpace(m.IndicatorCode) ? m.Indicator : ""),
            (nameof(SourceMapping.Period), m.Period),
            (nameof(SourceMapping.Value), m.Value),
            (nameof(SourceMapping.Numerator), m.Numerator),
            (nameof(SourceMapping.Denominator), m.Denominator),
            (nameof(SourceMapping.Commentary), m.Commentary),
        ];
        foreach (var (setting, field) in mapped.Where(x => !string.IsNullOrWhiteSpace(x.Field)))
        {
            var lacking = records.Where(r => !r.Fields.ContainsKey(field)).ToList();
            if (lacking.Count == 0)
            {
                continue;
            }

            var first = lacking[0];
            var has = first.Available.Count == 0 ? "no fields" : string.Join(", ", first.Available.Select(a => $"'{a}'"));
            var message = string.Create(CultureInfo.InvariantCulture, $"""
                Source '{source.Name}' sent {lacking.Count} of {records.Count} records without the field '{field}' that Mapping:{setting} reads (record {first.Number}, {first.Location}, has {has}). The system may have renamed or dropped it: update {SourceSettings.Section}:{source.Name}:Mapping:{setting}. Nothing from this pull was loaded, rather than blanks or zeros in its place.
                """);
            return QualityRules.RequiredColumnMissing.FileIssue(message, source.Name, field);
        }

        return null;
    }

    /// <summary>A hash of what the pull says, so the same answer twice is one submission.</summary>
    public static string ContentHash(SourceDefinition source, IReadOnlyList<ReturnRow> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "pull:" + source.Name);
        foreach (var row in rows)
        {
            Append(hash, string.Join('\u001f', row.Indicator.Text, row.Period.Text, row.Value.Text, row.Numerator.Text, row.Denominator.Text, row.Commentary.Text));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\u001e"));

    private static WorkbookCell Cell(SourceRecord record, string field) =>
        !string.IsNullOrWhiteSpace(field) && record.Fields.TryGetValue(field, out var value) ? new WorkbookCell(value, null) : WorkbookCell.Blank;
}
