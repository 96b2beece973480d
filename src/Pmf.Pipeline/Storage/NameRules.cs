using System.Globalization;
using System.Text;

namespace Pmf.Pipeline.Storage;

/// <summary>
/// What makes a stored name safe on both stores: relative, '/'-separated, no segment that climbs
/// out of its folder, and nothing that Windows or a blob URL would read differently.
/// </summary>
internal static class NameRules
{
    /// <summary>The longest folder or file name, in characters (NTFS and ext4 both stop at 255).</summary>
    public const int MaxSegmentLength = 255;

    private static readonly char[] WindowsForbidden = [':', '*', '?', '"', '<', '>', '|'];

    /// <summary>Why <paramref name="name"/> is unsafe, or null when it is safe.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "The file name is empty.";
        }

        var shown = Display(name);
        if (FirstControl(name) is var control and >= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{shown}' contains a control character (U+{(int)name[control]:X4}); rename it with letters, digits, spaces and punctuation only.");
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return $"'{shown}' contains a backslash; folders are separated by '/'.";
        }

        if (name[0] == '/' || (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':'))
        {
            return $"'{shown}' is an absolute path; expected a name relative to its container.";
        }

        if (name.IndexOfAny(WindowsForbidden) is var at and >= 0)
        {
            return $"'{shown}' contains '{name[at]}', which a file name may not contain.";
        }

        foreach (var segment in name.Split('/'))
        {
            if (SegmentProblem(segment) is { } problem)
            {
                return $"'{shown}' {problem}.";
            }
        }

        return null;
    }

    /// <summary>The name with control characters escaped, safe to put in a report or a log.</summary>
    public static string Display(string name)
    {
        if (FirstControl(name) < 0)
        {
            return name;
        }

        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            _ = char.IsControl(c) ? text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : text.Append(c);
        }

        return text.ToString();
    }

    private static int FirstControl(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsControl(name[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? SegmentProblem(string segment) => segment switch
    {
        "" => "has an empty folder or file name (two '/' together, or a '/' at the end)",
        "." or ".." => $"has a '{segment}' segment; a name may not climb out of its folder",
        _ when segment.Length > MaxSegmentLength => "has a folder or file name longer than 255 characters",
        _ when segment[^1] is '.' or ' ' || segment[0] == ' ' => "has a folder or file name that starts or ends with a space, or ends with a dot",
        _ => null,
    };
}
