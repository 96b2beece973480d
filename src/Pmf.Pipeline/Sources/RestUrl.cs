using System.Globalization;

namespace Pmf.Pipeline.Sources;

/// <summary>Fills a REST source's URL template for one window.</summary>
public static class RestUrl
{
    /// <summary>The placeholder for the first day, yyyy-MM-dd.</summary>
    public const string PeriodStart = "{periodStart}";

    /// <summary>The placeholder for the last day, yyyy-MM-dd.</summary>
    public const string PeriodEnd = "{periodEnd}";

    /// <summary>The placeholder for the period key; its presence makes the source asked once per period.</summary>
    public const string PeriodKey = "{period}";

    /// <summary>The URL for <paramref name="window"/>, each value escaped.</summary>
    public static string Fill(string template, SourceWindow window)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(window);
        return template
            .Replace(PeriodStart, window.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(PeriodEnd, window.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(PeriodKey, Uri.EscapeDataString(window.PeriodKey ?? ""), StringComparison.Ordinal);
    }

    /// <summary><paramref name="url"/> with <paramref name="name"/>=<paramref name="value"/> set in its query.</summary>
    public static Uri WithQuery(Uri url, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(url);
        var query = url.Query.TrimStart('?');
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(Uri.UnescapeDataString(p.Split('=')[0]), name, StringComparison.Ordinal));
        var builder = new UriBuilder(url) { Query = string.Join('&', kept.Append($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}")) };
        return builder.Uri;
    }
}
