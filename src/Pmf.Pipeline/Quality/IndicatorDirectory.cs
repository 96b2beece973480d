using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// Finds indicators by code as senders type them (ignoring case and surrounding spaces), and
/// suggests the nearest code of the sender's service for one that is not in the catalogue.
/// </summary>
internal sealed class IndicatorDirectory
{
    private const int SuggestionCacheLimit = 4096;

    private readonly Dictionary<string, Indicator> _latest = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _suggestable;
    private readonly Dictionary<string, string?> _suggestions = new(StringComparer.OrdinalIgnoreCase);

    public IndicatorDirectory(GateContext context)
    {
        foreach (var (code, versions) in context.Indicators)
        {
            if (versions.Count > 0)
            {
                _latest[code.Trim()] = versions[^1].Definition;
            }
        }

        _suggestable = [.. _latest.Values
            .Where(i => context.SenderService is null || SameService(i.ServiceCode, context.SenderService))
            .Select(i => i.Code)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The latest definition of the indicator <paramref name="typed"/> names, or null.</summary>
    public Indicator? Find(string typed) => _latest.GetValueOrDefault(CellText.Trim(typed));

    /// <summary>The sender's indicator code(s) nearest to <paramref name="typed"/>, as "HOU-01" or "HOU-01 or HOU-10", or null when none is near.</summary>
    public string? Suggest(string typed)
    {
        var key = CellText.Trim(typed);
        if (_suggestions.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var suggestion = Nearest(key);
        if (_suggestions.Count < SuggestionCacheLimit)
        {
            _suggestions[key] = suggestion;
        }

        return suggestion;
    }

    public static bool SameService(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private string? Nearest(string typed)
    {
        var compact = CodeDistance.Compact(typed);
        if (compact.Length == 0)
        {
            return null;
        }

        // Short codes are close to everything, so allow one edit per three characters, at most two.
        var allowed = Math.Clamp(compact.Length / 3, 1, 2);
        var best = int.MaxValue;
        var nearest = new List<string>();
        foreach (var code in _suggestable)
        {
            var distance = CodeDistance.Between(compact, CodeDistance.Compact(code));
            if (distance > allowed || distance > best)
            {
                continue;
            }

            if (distance < best)
            {
                best = distance;
                nearest.Clear();
            }

            nearest.Add(code);
        }

        return nearest.Count == 0 ? null : string.Join(" or ", nearest.Take(3));
    }
}
