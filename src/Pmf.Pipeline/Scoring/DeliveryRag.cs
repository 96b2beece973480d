namespace Pmf.Pipeline.Scoring;

/// <summary>A delivery-plan action's RAG and the words that go with it wherever it is shown.</summary>
/// <param name="Rag">Green, Amber or Red; <see cref="RagStatus.DataOnly"/> for an action not yet due to start.</param>
/// <param name="Label">What the colour means, in a word or two: "Delivered", "On track", "At risk", "Off track", "Overdue", "Not started".</param>
public sealed record DeliveryRag(RagStatus Rag, string Label)
{
    /// <summary>The label of a delivered action.</summary>
    public const string Delivered = "Delivered";

    /// <summary>The label of an action past its due (or revised) date and not complete.</summary>
    public const string Overdue = "Overdue";

    /// <summary>
    /// Judges an update reported for a period ending <paramref name="periodEnd"/>. The seeds decide the colours:
    /// South Oxfordshire's annual review rates delivered actions green and those still in progress amber;
    /// both councils report actions at risk amber and off track red. So: Complete is Green "Delivered"; On track
    /// is Green; At risk Amber; Off track Red; an action not complete whose due date (the revised date when
    /// there is one) passed before the period ended is Red "Overdue", whatever the service called it; Not
    /// started is Amber once the action's start date has passed, and without a colour before then.
    /// </summary>
    /// <param name="status">The canonical status (<see cref="Quality.QualitativeStatus"/>).</param>
    /// <param name="periodEnd">The last day of the period the update is for.</param>
    /// <param name="start">The action's start date in the catalogue.</param>
    /// <param name="due">The action's end date, or the revised date the update gives.</param>
    public static DeliveryRag Judge(string status, DateOnly periodEnd, DateOnly? start, DateOnly? due)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status == Quality.QualitativeStatus.Complete)
        {
            return new(RagStatus.Green, Delivered);
        }

        if (due is { } by && by < periodEnd)
        {
            return new(RagStatus.Red, Overdue);
        }

        return status switch
        {
            Quality.QualitativeStatus.OnTrack => new(RagStatus.Green, status),
            Quality.QualitativeStatus.AtRisk => new(RagStatus.Amber, status),
            Quality.QualitativeStatus.OffTrack => new(RagStatus.Red, status),
            _ => new(start is { } from && from <= periodEnd ? RagStatus.Amber : RagStatus.DataOnly, status),
        };
    }
}
