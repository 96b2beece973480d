using System.Text;

namespace Pmf.Pipeline;

/// <summary>
/// The one place a file name is made from data (a council, service or indicator code, a period, a role):
/// whatever the text holds, the result is a single file name that stays in the folder it is written to,
/// on Linux and on Windows. The catalogue already refuses codes that would need changing; this is the
/// second line, for every writer alike.
/// </summary>
public static class SafeFileName
{
    /// <summary>The longest name made, in characters, leaving room for an extension and a suffix under 255 bytes.</summary>
    public const int MaxLength = 120;

    private static readonly HashSet<string> WindowsDevices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// <paramref name="text"/> as a file name: ASCII letters, digits, spaces, <c>-</c>, <c>_</c>, <c>.</c>,
    /// <c>(</c> and <c>)</c> kept, anything else (separators, <c>..</c>, control characters, colons)
    /// replaced by <c>_</c>; no leading or trailing dot or space; never a Windows device name; never empty.
    /// </summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text)
        {
            if (name.Length == MaxLength)
            {
                break;
            }

            var keep = char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '(' or ')'
                || (c == '.' && name.Length > 0 && name[^1] != '.');
            name.Append(keep ? c : '_');
        }

        var result = name.ToString().Trim(' ', '.');
        if (result.Length == 0)
        {
            return "_";
        }

        var stem = result.Split('.')[0].TrimEnd(' ');
        return WindowsDevices.Contains(stem) ? "_" + result : result;
    }

    /// <summary>
    /// The full path of <paramref name="relative"/> ('/'-separated) under <paramref name="folder"/>; throws when it
    /// would land anywhere else, so a name that slipped through never writes outside the folder asked for.
    /// </summary>
    public static string Under(string folder, string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{relative}' would be written outside {root}; nothing was written there.");
        }

        return full;
    }
}
