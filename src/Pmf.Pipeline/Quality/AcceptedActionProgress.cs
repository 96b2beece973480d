using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality;

/// <summary>One action update that passed the gate, ready to load.</summary>
public sealed record AcceptedActionProgress
{
    /// <summary>The action's code as the catalogue spells it.</summary>
    public required string ActionCode { get; init; }

    /// <summary>The period the update is for.</summary>
    public required Period Period { get; init; }

    /// <summary>The canonical status (<see cref="QualitativeStatus"/>).</summary>
    public required string Status { get; init; }

    /// <summary>Percent complete, 0 to 100, when given.</summary>
    public decimal? PercentComplete { get; init; }

    /// <summary>The service's commentary.</summary>
    public string? Commentary { get; init; }

    /// <summary>The date the action will now be delivered by.</summary>
    public DateOnly? RevisedDate { get; init; }

    /// <summary>Why the date moved.</summary>
    public string? RevisionReason { get; init; }

    /// <summary>When it was completed.</summary>
    public DateOnly? CompletionDate { get; init; }

    /// <summary>The delivery RAG and its label.</summary>
    public required DeliveryRag Delivery { get; init; }

    /// <summary>The sheet it came from.</summary>
    public string? Sheet { get; init; }

    /// <summary>The row it came from.</summary>
    public int? Row { get; init; }
}
