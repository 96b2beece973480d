namespace Pmf.Pipeline.Returns;

/// <summary>
/// Thrown by <see cref="ReturnReadResult.Rows"/> when the file turns out to be unreadable part-way down
/// (damaged data after row 5,000, a cell beyond the size limit), or when the rows of a rejected result are
/// read. The job catches it and rejects the whole submission with <see cref="Problem"/>.
/// </summary>
public sealed class ReturnReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">The problem, located.</param>
    /// <param name="innerException">The underlying failure (a <see cref="Workbooks.WorkbookException"/>), kept for operators.</param>
    public ReturnReadException(ReturnProblem problem, Exception? innerException = null)
        : base(problem?.Message, innerException)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    /// <summary>Why the return is rejected, in the same shape as <see cref="ReturnReadResult.Problem"/>.</summary>
    public ReturnProblem Problem { get; }
}
