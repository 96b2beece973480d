namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// A file could not be read as a workbook. <see cref="Exception.Message"/> is one sentence for the person
/// who sent the file: it names the file, says what is wrong and what to do.
/// </summary>
public sealed class WorkbookException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why the file could not be read.</param>
    /// <param name="fileName">The file name as the sender gave it.</param>
    /// <param name="message">One sentence naming the file, what is wrong and what to do.</param>
    /// <param name="innerException">The underlying reader failure, kept for operators.</param>
    public WorkbookException(WorkbookFailure failure, string fileName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        FileName = fileName;
    }

    /// <summary>Why the file could not be read.</summary>
    public WorkbookFailure Failure { get; }

    /// <summary>The file name as the sender gave it.</summary>
    public string FileName { get; }
}
