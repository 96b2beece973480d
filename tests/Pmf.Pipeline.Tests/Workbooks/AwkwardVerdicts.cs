using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Tests.Workbooks;

public enum AwkwardOutcome
{
    Read,
    Blank,
    Empty,
    UnsupportedType,
    NotAWorkbook,
    Encrypted,
    Damaged,
    TooLarge,
    NotCommaSeparated,
}

public sealed record AwkwardVerdict(AwkwardOutcome Outcome, long Rows, string? Message)
{
    public override string ToString() => Outcome is AwkwardOutcome.Read or AwkwardOutcome.Blank ? $"{Outcome} ({Rows} rows)" : $"{Outcome}: {Message}";
}

/// <summary>What each corpus file does, and what ExcelDataReader 3.6.0 plus our guards make of it.</summary>
internal static class AwkwardVerdicts
{
    private static readonly Dictionary<string, AwkwardOutcome> NotRead = new(StringComparer.Ordinal)
    {
        // password protected
        ["ExcelDataReader/agile_AES256_SHA512_CBC_pwd_password.xlsx"] = AwkwardOutcome.Encrypted,
        ["ExcelDataReader/Test_git_issue_242_std_rc4_pwd_password.xls"] = AwkwardOutcome.Encrypted,
        ["ExcelDataReader/Test_git_issue_242_xor_pwd_password.xls"] = AwkwardOutcome.Encrypted,
        ["poi/password.xls"] = AwkwardOutcome.Encrypted,
        ["poi/protected_passtika.xlsx"] = AwkwardOutcome.Encrypted,
        ["poi/xor-encryption-abc.xls"] = AwkwardOutcome.Encrypted,

        // not a workbook at all
        ["ExcelDataReader/EmptyZipFile.xlsx"] = AwkwardOutcome.NotAWorkbook,
        ["ExcelDataReader/TestFail_Binary.xls"] = AwkwardOutcome.NotAWorkbook,
        ["ExcelDataReader/Test_git_issue_629.xlsx"] = AwkwardOutcome.NotAWorkbook,

        // damaged, or beyond what ExcelDataReader 3.6.0 can parse
        ["ExcelDataReader/Test_Issue_12556_corrupt.xls"] = AwkwardOutcome.Damaged,
        ["ExcelDataReader/Test_git_issue_382_oom.xls"] = AwkwardOutcome.Damaged,
        ["ExcelDataReader/Test_git_issue_467_sst_empty_continue.xls"] = AwkwardOutcome.Damaged,
        ["ExcelDataReader/Test_git_issue_477_sst_wrong_count.xls"] = AwkwardOutcome.Damaged,
        ["ExcelDataReader/Test_git_issue_608.xlsx"] = AwkwardOutcome.Damaged,
        ["ExcelDataReader/Test_git_issue_609.xls"] = AwkwardOutcome.Damaged,
        ["poi/poc-xmlbomb-empty.xlsx"] = AwkwardOutcome.Damaged,

        // two parts whose names differ only in case: one part to OPC, so which one a reader takes is anyone's guess
        ["poi/duplicate-filename-case-insensitive.xlsx"] = AwkwardOutcome.Damaged,

        // resource exhaustion proofs of concept
        ["poi/poc-shared-strings.xlsx"] = AwkwardOutcome.TooLarge,

        // CSV that is not comma separated
        ["ExcelDataReader/csv/Test_git_issue578.csv"] = AwkwardOutcome.NotCommaSeparated,

        // opens, but holds no value: only error cells (read as empty in .xls; an .xlsx's error cells read as errors), or empty merged ranges
        ["ExcelDataReader/Test_git_issue_224_simple_95.xls"] = AwkwardOutcome.Blank,
        ["ExcelDataReader/Test_git_issue_466_biff3.xls"] = AwkwardOutcome.Blank,
        ["poi/57893-many-merges.xlsx"] = AwkwardOutcome.Blank,
    };

    public static AwkwardOutcome Expected(string relativePath) =>
        NotRead.GetValueOrDefault(relativePath.Replace('\\', '/'), AwkwardOutcome.Read);

    public static AwkwardVerdict Judge(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var workbook = WorkbookReader.Open(stream, Path.GetFileName(path));
            long rows = 0;
            foreach (var sheet in workbook.Sheets)
            {
                rows += workbook.ReadRows(sheet).LongCount();
            }

            return new AwkwardVerdict(rows > 0 ? AwkwardOutcome.Read : AwkwardOutcome.Blank, rows, null);
        }
        catch (WorkbookException ex)
        {
            return new AwkwardVerdict(Enum.Parse<AwkwardOutcome>(ex.Failure.ToString()), 0, ex.Message);
        }
    }
}
