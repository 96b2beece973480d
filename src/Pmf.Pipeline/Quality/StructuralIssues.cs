using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// File-level issues the returns reader (or the ingest job) raises when it cannot hand the gate any
/// rows. Pass them to <see cref="QualityGate.AddFileIssue"/>; each is an Error and rejects the file.
/// </summary>
public static class StructuralIssues
{
    /// <summary>DQ001: <paramref name="column"/> (a name from <see cref="ReturnColumns"/>) is not in the header of <paramref name="sheet"/>.</summary>
    /// <param name="sheet">The sheet searched (the file name for a CSV).</param>
    /// <param name="column">The canonical column name, e.g. <see cref="ReturnColumns.Period"/>.</param>
    /// <param name="synonyms">The other names that would have been accepted, to tell the sender.</param>
    public static QualityIssue RequiredColumnMissing(string sheet, string column, IEnumerable<string>? synonyms = null)
    {
        var also = synonyms?.ToList() is { Count: > 0 } names ? $" (or {string.Join(", ", names.Select(n => $"'{n}'"))})" : string.Empty;
        var periodHint = column == ReturnColumns.Period ? ", or state one period above the header as 'Period: 2025/26 Q1'" : string.Empty;
        return QualityRules.RequiredColumnMissing.FileIssue(
            $"Sheet '{sheet}' has no '{column}' column{also}, so no row can be read. Add a column headed '{column}'{periodHint}, and send the file again.",
            sheet,
            column);
    }

    /// <summary>
    /// DQ005, one warning per row of <paramref name="read"/> that held bytes read as Windows-1252 in an
    /// otherwise UTF-8 CSV (the first rows, and a file-level count of the rest).
    /// </summary>
    public static IEnumerable<QualityIssue> Misencoded(ReturnReadResult read, string sheet)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (rows, count) = read.Misencoded;
        foreach (var row in rows)
        {
            yield return new QualityIssue(QualityRules.NotUtf8.Id, Severity.Warning,
                $"Row {row} holds a character that is not UTF-8, though the rest of the file is; it was read as Windows-1252 (e.g. ’ £ é). Check the row reads as you meant, and save the file as 'CSV UTF-8 (Comma delimited)' next time.",
                sheet, row);
        }

        if (count > rows.Count)
        {
            yield return QualityRules.NotUtf8.FileIssue($"{count - rows.Count} more rows hold characters that are not UTF-8, read the same way.", sheet);
        }
    }

    /// <summary>DQ002: the file could not be read as a return; <paramref name="reason"/> says why in words for the sender.</summary>
    public static QualityIssue Unreadable(string reason, string? sheet = null) =>
        QualityRules.UnreadableReturn.FileIssue($"The return could not be read: {reason.Trim().TrimEnd('.')}. Save it as .xlsx, .xls or .csv with a header row, and send it again.", sheet);
}
