using System.Diagnostics.CodeAnalysis;
using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Web;

/// <summary>
/// The addresses of the pages mail links to, built from <see cref="WebOptions.PublicUrl"/> and
/// <see cref="WebPaths"/>: <c>/follow-ups/{id}</c> and <c>/results/{council}/{indicator}/{period}</c>, the period written
/// <c>2026-27-Q2</c>, <c>2026-27-M01</c> or <c>2026-27</c> (<see cref="PeriodSegment"/>). With no public
/// address every link is null, and mail tells people the command instead.
/// </summary>
public sealed class WebLinks
{
    private readonly Uri? _root;

    /// <summary>Links under <paramref name="publicUrl"/>; none when it is blank.</summary>
    /// <param name="publicUrl">The address people reach the pages at.</param>
    public WebLinks(string? publicUrl)
    {
        if (!string.IsNullOrWhiteSpace(publicUrl))
        {
            var text = publicUrl.Trim();
            _root = new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
        }
    }

    /// <summary>No links: the pages' address is not configured.</summary>
    public static WebLinks None { get; } = new(null);

    /// <summary>True when links can be built.</summary>
    public bool Enabled => _root is not null;

    /// <summary>A follow-up's page, or null when links are off.</summary>
    public string? FollowUp(long id) => Absolute(WebPaths.FollowUp(id));

    /// <summary>A result's page, or null when links are off or the council is unknown.</summary>
    public string? Result(string? councilCode, string indicatorCode, string periodCode) =>
        string.IsNullOrWhiteSpace(councilCode) ? null : Absolute(WebPaths.Result(councilCode, indicatorCode, periodCode));

    /// <summary>A period as one path segment: <c>2026/27 Q2</c> becomes <c>2026-27-Q2</c>.</summary>
    public static string PeriodSegment(string periodCode)
    {
        ArgumentNullException.ThrowIfNull(periodCode);
        return Uri.EscapeDataString(periodCode.Trim().Replace('/', '-').Replace(' ', '-'));
    }

    /// <summary>Reads a period written by <see cref="PeriodSegment"/> (or as the warehouse writes it) back.</summary>
    public static bool TryReadPeriod(string? segment, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(segment))
        {
            return false;
        }

        var text = Uri.UnescapeDataString(segment.Trim());
        if (text.Length is 7 or 10 or 11 && text[4] == '-')
        {
            text = string.Concat(text.AsSpan(0, 4), "/", text.AsSpan(5, 2), text.Length > 7 ? " " + text[8..] : "");
        }

        return CanonicalKey.TryRead(text, out period);
    }

    private string? Absolute(string path) => _root is null ? null : new Uri(_root, path.TrimStart('/')).ToString();
}
