using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// A hash of what a catalogue says rather than of its bytes: the same framework saved again by
/// Excel (new timestamps, same content) is recognised as unchanged.
/// </summary>
public static class FrameworkFingerprint
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>Hex SHA-256 of the framework's canonical JSON.</summary>
    public static string Of(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var canonical = new
        {
            Councils = framework.Councils.OrderBy(c => c.Code, StringComparer.Ordinal),
            Priorities = framework.Priorities.OrderBy(p => p.CouncilCode, StringComparer.Ordinal).ThenBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.ObjectiveCode, StringComparer.Ordinal),
            Services = framework.Services.OrderBy(s => s.Code, StringComparer.Ordinal),
            Indicators = framework.Indicators.OrderBy(i => i.Code, StringComparer.Ordinal),
            Targets = framework.Targets
                .OrderBy(t => t.IndicatorCode, StringComparer.Ordinal).ThenBy(t => t.Period.SortKey)
                // Reason and Changed from only when given, so a catalogue without those columns keeps its fingerprint.
                .Select(t => t.Reason is null && t.ChangedFrom is null
                    ? (object)new { t.IndicatorCode, Period = t.Period.Key, t.Value, t.AmberThreshold }
                    : new { t.IndicatorCode, Period = t.Period.Key, t.Value, t.AmberThreshold, t.Reason, t.ChangedFrom }),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(canonical, Options);
        if (framework.Committees.Count > 0 || framework.CommitteeItems.Count > 0)
        {
            // Appended only when present, so a catalogue without committees keeps its fingerprint.
            var committees = new
            {
                Committees = framework.Committees.OrderBy(c => c.Code, StringComparer.Ordinal),
                Items = framework.CommitteeItems.OrderBy(i => i.CommitteeCode, StringComparer.Ordinal).ThenBy(i => i.Kind).ThenBy(i => i.Code, StringComparer.Ordinal),
            };
            bytes = [.. bytes, .. JsonSerializer.SerializeToUtf8Bytes(committees, Options)];
        }

        if (framework.Actions.Count > 0 || framework.Milestones.Count > 0)
        {
            var plan = new
            {
                Actions = framework.Actions.OrderBy(a => a.Code, StringComparer.Ordinal),
                Milestones = framework.Milestones.OrderBy(m => m.ActionCode, StringComparer.Ordinal).ThenBy(m => m.Due).ThenBy(m => m.Name, StringComparer.Ordinal),
            };
            bytes = [.. bytes, .. JsonSerializer.SerializeToUtf8Bytes(plan, Options)];
        }

        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}
