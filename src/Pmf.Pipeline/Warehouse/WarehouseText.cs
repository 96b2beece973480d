using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Warehouse;

/// <summary>How the warehouse spells statuses in its text columns; Power BI shows these words as they are.</summary>
internal static class WarehouseText
{
    public const string DataOnly = "Data only";

    // Written for every row loaded: the words are constants rather than the enum's formatting each time.
    public static string Rag(RagStatus rag) => rag switch
    {
        RagStatus.DataOnly => DataOnly,
        RagStatus.Green => nameof(RagStatus.Green),
        RagStatus.Amber => nameof(RagStatus.Amber),
        RagStatus.Red => nameof(RagStatus.Red),
        _ => rag.ToString(),
    };

    public static RagStatus ParseRag(string text) =>
        text == DataOnly ? RagStatus.DataOnly : Enum.Parse<RagStatus>(text, ignoreCase: true);

    /// <summary><see cref="DirectionOfTravel.NotComparable"/> is stored as NULL.</summary>
    public static string? Direction(DirectionOfTravel direction) => direction switch
    {
        DirectionOfTravel.NotComparable => null,
        DirectionOfTravel.Improving => nameof(DirectionOfTravel.Improving),
        DirectionOfTravel.Steady => nameof(DirectionOfTravel.Steady),
        DirectionOfTravel.Worsening => nameof(DirectionOfTravel.Worsening),
        _ => direction.ToString(),
    };

    /// <summary>NULL (or any word that is not a direction) reads as <see cref="DirectionOfTravel.NotComparable"/>.</summary>
    public static DirectionOfTravel ParseDirection(string? text) =>
        Enum.TryParse<DirectionOfTravel>(text, ignoreCase: true, out var direction) ? direction : DirectionOfTravel.NotComparable;

    public static SubmissionVerdict ParseVerdict(string text) => Enum.Parse<SubmissionVerdict>(text, ignoreCase: true);
}
