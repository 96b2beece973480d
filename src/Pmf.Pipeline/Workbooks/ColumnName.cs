using System.Text;

namespace Pmf.Pipeline.Workbooks;

/// <summary>How column and sheet names are compared, and how columns are lettered.</summary>
public static class ColumnName
{
    /// <summary>
    /// The form in which names are compared: lower case, letters and digits only, so case, spaces,
    /// underscores and punctuation do not matter (<c>"Due (working days)"</c> → <c>"dueworkingdays"</c>).
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The column's letters as Excel shows them: 0 → <c>A</c>, 27 → <c>AB</c>.</summary>
    public static string Letter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
