namespace Pmf.Pipeline.Web;

/// <summary>E-mail addresses written in one cell or setting, separated by <c>;</c> (or <c>,</c>), as Outlook writes them.</summary>
public static class EmailList
{
    /// <summary>The addresses, trimmed, without empties or repeats (ignoring case).</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}
