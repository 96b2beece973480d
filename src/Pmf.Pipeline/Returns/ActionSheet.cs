using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// What a return's Actions sheet held (<see cref="ActionSheetReader"/>): its rows, read whole (a service has
/// tens of actions, not thousands), or the file-level problem that rejects the submission.
/// </summary>
/// <param name="Sheet">The sheet's name; null when the file has no Actions sheet.</param>
/// <param name="Rows">The data rows below the header, blank rows left out.</param>
/// <param name="Problem">Why the sheet cannot be read; it rejects the whole file, indicators too.</param>
public sealed record ActionSheet(string? Sheet, IReadOnlyList<ActionRow> Rows, QualityIssue? Problem)
{
    /// <summary>A file without an Actions sheet.</summary>
    public static ActionSheet None { get; } = new(null, [], null);

    /// <summary>True when the file has an Actions sheet (readable or not).</summary>
    public bool Found => Sheet is not null;
}
