namespace Pmf.Pipeline.FollowUp;

/// <summary>
/// Commentary and a remedial action added to a result after its return, without resubmitting a file.
/// Each note is whole: a field left blank when it was written kept the previous note's text, so the
/// latest note is the service's current word, and the earlier ones are its history.
/// </summary>
/// <param name="Commentary">What the service says about the result, or null.</param>
/// <param name="RemedialAction">What the service is doing about it, or null.</param>
/// <param name="WrittenBy">Who added it (their e-mail address, or the name given on the command line).</param>
/// <param name="WrittenAt">When (UTC).</param>
public sealed record ResultNote(string? Commentary, string? RemedialAction, string WrittenBy, DateTimeOffset WrittenAt)
{
    /// <summary>The e-mail address of the person who added it on the web pages; null for a command, or a note added before addresses were kept.</summary>
    public string? WrittenByEmail { get; init; }
}
