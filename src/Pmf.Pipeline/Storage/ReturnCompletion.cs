namespace Pmf.Pipeline.Storage;

/// <summary>The result of completing a return: where it went, or why it did not move.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Source">The return that was completed.</param>
/// <param name="MovedTo">Its new path when <see cref="CompletionStatus.Moved"/>: write its report beside it.</param>
public sealed record ReturnCompletion(CompletionStatus Status, ReturnPath Source, StoredPath? MovedTo)
{
    /// <summary>One sentence for a log or a report.</summary>
    public string Describe() => Status switch
    {
        CompletionStatus.Moved => $"returns/{Source} moved to {MovedTo}.",
        CompletionStatus.AlreadyGone => $"returns/{Source} was no longer there; it was completed already or removed.",
        CompletionStatus.Changed => $"returns/{Source} was replaced by a newer file since it was read; the newer file stays to be read.",
        _ => $"returns/{Source}: {Status}.",
    };
}
