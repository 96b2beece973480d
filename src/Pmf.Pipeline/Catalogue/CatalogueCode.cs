namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// What a council, service or indicator code may hold. Codes become folder and file names (returns are
/// dropped in <c>returns/&lt;service code&gt;/</c>, templates, reports and Power BI roles are named after
/// them), so they keep to letters, digits, spaces, <c>-</c>, <c>_</c> and <c>.</c>, start with a letter
/// or digit, do not end with a space or dot, and fit the warehouse's 50-character columns.
/// </summary>
internal static class CatalogueCode
{
    /// <summary>The longest code, the width of the warehouse's code columns.</summary>
    public const int MaxLength = 50;

    /// <summary>Why <paramref name="code"/> cannot be a code, as the end of a sentence; null when it can.</summary>
    public static string? Problem(string code)
    {
        if (code.Length > MaxLength)
        {
            return $"is {code.Length} characters long; keep codes to {MaxLength}";
        }

        if (!char.IsAsciiLetterOrDigit(code[0]))
        {
            return "does not start with a letter or digit";
        }

        if (code.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.')) is var bad and not '\0')
        {
            return char.IsControl(bad) || char.IsWhiteSpace(bad)
                ? $"contains the character U+{(int)bad:X4}; use letters, digits, spaces, '-', '_' and '.' only"
                : $"contains '{bad}'; use letters, digits, spaces, '-', '_' and '.' only";
        }

        if (code.Contains("..", StringComparison.Ordinal) || code[^1] is '.' or ' ')
        {
            return "has '..' in it or ends with a dot or space";
        }

        return null;
    }

    /// <summary>
    /// Reports an unsafe code in <paramref name="column"/> of <paramref name="row"/>; true when the code is safe.
    /// </summary>
    public static bool Check(CatalogueRow row, string column, string what, string code)
    {
        if (Problem(code) is not { } problem)
        {
            return true;
        }

        row.Error(column, $"{what} code '{code}' {problem}, because codes become folder and file names (e.g. returns/<service code>/).");
        return false;
    }
}
