using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Pages.Web;

/// <summary>The words the web pages use for delivery-plan action updates owed.</summary>
internal static class ActionWords
{
    /// <summary>"Refused on 3 Dec 2026: …" when the quarter's update was refused; "On track, 45% complete"; "At risk (reported for 2026/27 Q1)" when the quarter's update is not in yet; "No update yet".</summary>
    public static string Status(OwedActionUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Received is null && update.Refused is { } refused)
        {
            return $"Refused on {ReportFormat.Date(UkClock.DateAt(refused.ReceivedAt))}: {refused.Reason}";
        }

        if (update.Latest is not { } latest)
        {
            return "No update yet";
        }

        var words = latest.PercentComplete is { } percent
            ? $"{latest.Status}, {percent.ToString("0.#", CultureInfo.InvariantCulture)}% complete"
            : latest.Status;
        return update.Received is null ? $"{words} (reported for {latest.Period.Key})" : words;
    }

    /// <summary>How a group's updates in stand by delivery RAG, worst first: "1 Off track, 2 On track"; "none yet".</summary>
    public static string Delivery(IEnumerable<OwedActionUpdate> updates)
    {
        var received = updates.Where(u => u.Received is not null).Select(u => u.Received!).ToList();
        if (received.Count == 0)
        {
            return "none yet";
        }

        return string.Join(", ", received
            .GroupBy(u => (u.Rag, u.Label))
            .OrderBy(g => g.Key.Rag switch { RagStatus.Red => 0, RagStatus.Amber => 1, RagStatus.Green => 2, _ => 3 })
            .ThenBy(g => g.Key.Label, StringComparer.Ordinal)
            .Select(g => $"{g.Count().ToString(CultureInfo.InvariantCulture)} {g.Key.Label}"));
    }
}
