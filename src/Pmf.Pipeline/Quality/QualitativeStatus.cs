using System.Collections.Frozen;
using System.Text;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// The statuses a qualitative indicator reports, and the loose matching of what services type.
/// Case, spaces, hyphens and punctuation are ignored (<c>on-track</c>, <c>ON TRACK</c>, <c>On track.</c>).
/// Also accepted, because services fill the Status column under its synonyms RAG and Self assessment:
/// the BRAG colours (<c>Green</c> = On track, <c>Amber</c> = At risk, <c>Red</c> = Off track,
/// <c>Blue</c> = Complete, the usual UK public-sector convention), a colour with its matching status
/// (<c>Green - on track</c>), and a few common wordings (<c>On target</c>, <c>Completed</c>, <c>Done</c>,
/// <c>Not yet started</c>). Nothing is matched by containment: <c>Not on track</c> is not On track.
/// </summary>
public static class QualitativeStatus
{
    /// <summary>Progressing as planned.</summary>
    public const string OnTrack = "On track";

    /// <summary>Likely to slip without action.</summary>
    public const string AtRisk = "At risk";

    /// <summary>Not progressing as planned.</summary>
    public const string OffTrack = "Off track";

    /// <summary>Finished.</summary>
    public const string Complete = "Complete";

    /// <summary>Not begun.</summary>
    public const string NotStarted = "Not started";

    /// <summary>The statuses in their canonical spelling.</summary>
    public static IReadOnlyList<string> All { get; } = [OnTrack, AtRisk, OffTrack, Complete, NotStarted];

    private static readonly FrozenDictionary<string, string> Aliases = BuildAliases();

    /// <summary>The canonical status <paramref name="text"/> means, or null when it is blank or not recognised.</summary>
    public static string? Normalise(string? text) =>
        text is not null && Aliases.TryGetValue(LettersOnly(text), out var status) ? status : null;

    private static FrozenDictionary<string, string> BuildAliases()
    {
        var words = new Dictionary<string, string[]>
        {
            [OnTrack] = ["on track", "on target"],
            [AtRisk] = ["at risk"],
            [OffTrack] = ["off track", "off target"],
            [Complete] = ["complete", "completed", "done"],
            [NotStarted] = ["not started", "not yet started"],
        };
        var colours = new Dictionary<string, string>
        {
            [OnTrack] = "green",
            [AtRisk] = "amber",
            [OffTrack] = "red",
            [Complete] = "blue",
        };

        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (status, forms) in words)
        {
            foreach (var form in forms.Select(LettersOnly))
            {
                aliases[form] = status;
                if (colours.TryGetValue(status, out var colour))
                {
                    aliases[colour] = status;
                    aliases[colour + form] = status;
                    aliases[form + colour] = status;
                }
            }
        }

        return aliases.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string LettersOnly(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
