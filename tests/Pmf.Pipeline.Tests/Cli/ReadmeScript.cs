using System.Text;
using System.Text.RegularExpressions;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>
/// The shell commands README.md shows in its <c>bash</c> and <c>sh</c> code blocks, in order: each line
/// split at <c>&amp;&amp;</c>, comments dropped, words split as a POSIX shell would for the quoting the
/// README uses (double quotes), and leading <c>NAME=value</c> words taken as the command's environment.
/// </summary>
public static partial class ReadmeScript
{
    /// <summary><c>dotnet run --project src/Pmf.Cli --</c>, which the README says is what <c>pmf</c> means.</summary>
    public static readonly string[] DotnetRunPmf = ["dotnet", "run", "--project", "src/Pmf.Cli", "--"];

    public static IReadOnlyList<ReadmeCommand> Commands(string markdown)
    {
        var commands = new List<ReadmeCommand>();
        foreach (Match block in ShellBlock().Matches(markdown))
        {
            foreach (var line in block.Groups["body"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                foreach (var part in line.Split("&&", StringSplitOptions.TrimEntries))
                {
                    commands.Add(Parse(part));
                }
            }
        }

        return commands;
    }

    private static ReadmeCommand Parse(string text)
    {
        var words = Words(text);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        while (words.Count > 0 && Assignment().Match(words[0]) is { Success: true } set)
        {
            environment[set.Groups["name"].Value] = set.Groups["value"].Value;
            words.RemoveAt(0);
        }

        return new ReadmeCommand(text, environment, words);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        if (any)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    [GeneratedRegex(@"^```(?:bash|sh)\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>.*)$")]
    private static partial Regex Assignment();
}

/// <summary>One command from the README: as written, its environment, and its words.</summary>
public sealed record ReadmeCommand(string Text, IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> Words)
{
    /// <summary>The arguments after <c>pmf</c> (or <c>dotnet run --project src/Pmf.Cli --</c>), or null when it runs something else.</summary>
    public IReadOnlyList<string>? PmfArguments =>
        Words.Count > 0 && Words[0] == "pmf" ? Words.Skip(1).ToList()
        : Words.Take(ReadmeScript.DotnetRunPmf.Length).SequenceEqual(ReadmeScript.DotnetRunPmf) ? Words.Skip(ReadmeScript.DotnetRunPmf.Length).ToList()
        : null;
}
