using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// The words every report, digest and page shares: the RAG and direction of travel, and UK times.
/// </summary>
internal static class ReportWords
{
    /// <summary>The word for an expected result that was not received (or a nil return).</summary>
    public const string NotReported = "Not reported";

    /// <summary>The RAG categories in the order a report counts them; null is not reported.</summary>
    public static IReadOnlyList<RagStatus?> RagCategories { get; } = [RagStatus.Red, RagStatus.Amber, RagStatus.Green, RagStatus.DataOnly, null];

    /// <summary>Red, Amber, Green, Data only, or <see cref="NotReported"/> for null.</summary>
    public static string Rag(RagStatus? rag) => rag switch
    {
        RagStatus.Red => "Red",
        RagStatus.Amber => "Amber",
        RagStatus.Green => "Green",
        RagStatus.DataOnly => "Data only",
        _ => NotReported,
    };

    /// <summary>The direction with its arrow, e.g. "▲ Improving"; a dash when not comparable.</summary>
    public static string Direction(DirectionOfTravel direction) => direction switch
    {
        DirectionOfTravel.Improving => "▲ Improving",
        DirectionOfTravel.Worsening => "▼ Worsening",
        DirectionOfTravel.Steady => "► Steady",
        _ => "–",
    };

    /// <summary>A UK wall-clock time, as the sender lives it.</summary>
    public static string UkTime(DateTimeOffset instant) => UkClock.Text(instant);
}
