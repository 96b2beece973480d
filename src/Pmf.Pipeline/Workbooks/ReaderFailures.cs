using ExcelDataReader.Exceptions;

namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// Turns whatever ExcelDataReader throws on a bad file into a <see cref="WorkbookException"/>. On a
/// malformed file it throws many types (ArgumentNullException, InvalidOperationException, XmlException,
/// CompoundDocumentException…), so everything but cancellation and memory exhaustion counts as the file's fault.
/// </summary>
internal static class ReaderFailures
{
    public static bool IsFileFault(Exception ex) => ex is not (WorkbookException or OperationCanceledException or OutOfMemoryException);

    public static WorkbookException Translate(Exception ex, string fileName, FileSignature signature) => ex switch
    {
        InvalidPasswordException => WorkbookFailures.Encrypted(fileName, ex),
        HeaderException when signature == FileSignature.Zip => WorkbookFailures.ZipNotWorkbook(fileName, ex),
        HeaderException => WorkbookFailures.NotWorkbook(fileName, ex),
        _ => WorkbookFailures.Damaged(fileName, ex),
    };
}
