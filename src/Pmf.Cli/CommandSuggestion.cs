using System.CommandLine;
using System.CommandLine.Parsing;

namespace Pmf.Cli;

/// <summary>"Did you mean pmf catalogue load?": the nearest command to a word that named none.</summary>
internal static class CommandSuggestion
{
    /// <summary>The command line the user probably meant, or null when no command is near enough.</summary>
    public static string? For(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command.Subcommands.Count == 0)
        {
            return null;
        }

        foreach (var token in parse.UnmatchedTokens.Where(t => !t.StartsWith('-')))
        {
            var nearest = command.Subcommands
                .SelectMany(c => c.Aliases.Prepend(c.Name).Select(name => (Command: c.Name, Distance: Distance(token.ToLowerInvariant(), name))))
                .Where(c => c.Distance <= Math.Max(1, token.Length / 3))
                .OrderBy(c => c.Distance)
                .Select(c => c.Command)
                .FirstOrDefault();
            if (nearest is not null)
            {
                var path = parse.Tokens.Where(t => t.Type == TokenType.Command).Select(t => t.Value).Append(nearest);
                return string.Join(' ', path);
            }
        }

        return null;
    }

    /// <summary>
    /// The fewest single-letter edits from one word to the other, a swap of two neighbours counting
    /// as one (optimal string alignment): "lsit" is one edit from "list".
    /// </summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
