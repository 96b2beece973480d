using System.Diagnostics.CodeAnalysis;

namespace Pmf.Pipeline.Storage;

/// <summary>
/// What <see cref="ReturnPath.Parse"/> made of a name. <see cref="Path"/> is set whenever the name
/// is a safe <c>&lt;service&gt;/&lt;file&gt;</c> location, even when the file is refused (a
/// <c>.exe</c>, say), so a refused file can still be moved to rejected/ with its reason beside it.
/// </summary>
/// <param name="Name">The name as given.</param>
/// <param name="Path">The location, when the name is a safe <c>&lt;service&gt;/&lt;file&gt;</c>.</param>
/// <param name="Problem">Why the file will not be read, in one sentence for the sender; null when it will.</param>
public sealed record ReturnPathCheck(string Name, ReturnPath? Path, string? Problem)
{
    /// <summary>True when the file is a readable return at a safe location.</summary>
    [MemberNotNullWhen(true, nameof(Path))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Accepted => Problem is null && Path is not null;
}
