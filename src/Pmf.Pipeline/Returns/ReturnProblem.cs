using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>Why a return was rejected as a whole, located for the person who sent it.</summary>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="File">The file name as the sender gave it.</param>
/// <param name="Sheet">The sheet the problem is in; null for the whole file.</param>
/// <param name="Row">The row the problem is at (for a fault met while reading rows: the last row read); null for a whole sheet or file.</param>
/// <param name="Message">What is wrong and what to do, in sentences for the sender.</param>
/// <param name="Failure">For <see cref="ReturnProblemKind.Unreadable"/>, why the workbook layer could not read the file.</param>
public sealed record ReturnProblem(ReturnProblemKind Kind, string File, string? Sheet, int? Row, string Message, WorkbookFailure? Failure = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = string.Join(", ", new[] { File, Sheet is null ? null : $"sheet {Sheet}", Row is null ? null : $"row {Row}" }.OfType<string>());
        return $"{Kind} at {where}: {Message}";
    }
}
