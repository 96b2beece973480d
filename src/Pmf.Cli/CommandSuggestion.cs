using System.CommandLine;
using System.CommandLine.Parsing;
using Pmf.Pipeline.Quality;

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
                .SelectMany(c => c.Aliases.Prepend(c.Name).Select(name => (Command: c.Name, Distance: CodeDistance.Between(token.ToLowerInvariant(), name))))
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
}
