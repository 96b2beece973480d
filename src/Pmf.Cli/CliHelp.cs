using System.CommandLine;
using System.Text;

namespace Pmf.Cli;

/// <summary>
/// Help that writes a command the same way everywhere: an optional argument is <c>[&lt;PATH&gt;]</c> in
/// the list of commands, as in the command's own usage line (System.CommandLine lists it as
/// <c>&lt;PATH&gt;</c> there, and keeps its help layout internal, so the text is tidied after it is written).
/// </summary>
internal static class CliHelp
{
    private const string Indent = "  ";

    /// <summary><paramref name="help"/> with each optional argument in <paramref name="root"/>'s command lists bracketed.</summary>
    public static string Tidy(string help, RootCommand root)
    {
        var optional = Descendants(root)
            .SelectMany(c => c.Aliases.Append(c.Name).Select(name => (name, c)))
            .ToLookup(x => x.name, x => x.c.Arguments.Where(a => a.Arity.MinimumNumberOfValues == 0 && !a.Hidden).Select(a => $"<{a.HelpName ?? a.Name}>"));
        var lines = help.Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimEnd('\r') == "Commands:");
        if (start < 0)
        {
            return help;
        }

        var end = lines.FindIndex(start + 1, l => l.Trim().Length == 0);
        end = end < 0 ? lines.Count : end;
        var section = lines.GetRange(start + 1, end - start - 1);
        lines.RemoveRange(start + 1, end - start - 1);
        lines.InsertRange(start + 1, Relayout(section, label => Bracket(label, optional)));
        return string.Join('\n', lines);
    }

    private static string Bracket(string label, ILookup<string, IEnumerable<string>> optional)
    {
        var name = label.Split(' ', ',')[0];
        foreach (var argument in optional[name].SelectMany(a => a))
        {
            label = label.Replace(argument, $"[{argument}]", StringComparison.Ordinal);
        }

        return label;
    }

    /// <summary>Rewrites the two-column rows of a section with new first columns, keeping the second aligned.</summary>
    private static List<string> Relayout(List<string> rows, Func<string, string> relabel)
    {
        var parsed = rows.Select(Row).ToList();
        var oldColumn = parsed.Where(r => r.Label is not null).Select(r => r.Column).DefaultIfEmpty(0).Max();
        var labels = parsed.Select(r => r.Label is null ? null : relabel(r.Label)).ToList();
        var newColumn = Math.Max(oldColumn, labels.Where(l => l is not null).Select(l => Indent.Length + l!.Length + Indent.Length).DefaultIfEmpty(0).Max());
        var result = new List<string>();
        for (var i = 0; i < parsed.Count; i++)
        {
            var row = parsed[i];
            result.Add(labels[i] is { } label
                ? new StringBuilder(Indent).Append(label.PadRight(newColumn - 2 * Indent.Length)).Append(Indent).Append(row.Text).ToString()
                : new string(' ', newColumn - oldColumn) + rows[i]);
        }

        return result;
    }

    private static (string? Label, int Column, string Text) Row(string line)
    {
        if (!line.StartsWith(Indent, StringComparison.Ordinal) || line.Length <= Indent.Length || line[Indent.Length] == ' ')
        {
            return (null, 0, line);
        }

        var gap = line.IndexOf(Indent, Indent.Length, StringComparison.Ordinal);
        if (gap < 0)
        {
            return (line.Trim(), line.Length, "");
        }

        var column = gap;
        while (column < line.Length && line[column] == ' ')
        {
            column++;
        }

        return (line[Indent.Length..gap], column, line[column..]);
    }

    private static IEnumerable<Command> Descendants(Command command) =>
        command.Subcommands.SelectMany(c => Descendants(c).Prepend(c));
}
