using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.Workbooks;

/// <summary>
/// Every file of the ExcelDataReader and Apache POI test corpora ends in a verdict a person understands:
/// rows read, or a WorkbookException with a message. Never another exception, never a hang.
/// </summary>
public sealed class AwkwardWorkbookTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerFileTimeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestFiles.Awkward, "*", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestFiles.Awkward, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_awkward_file_is_read_or_rejected_with_a_message(string file)
    {
        var verdict = await Task.Run(() => AwkwardVerdicts.Judge(Path.Combine(TestFiles.Awkward, file))).WaitAsync(PerFileTimeout);
        output.WriteLine($"{file}: {verdict}");

        Assert.Equal(AwkwardVerdicts.Expected(file), verdict.Outcome);
        // A blank workbook is listed by name above: it opens but holds no value, and the consumer
        // (returns or catalogue reader) says "no header row" for it. Anything rejected carries a message.
        if (verdict.Outcome is not (AwkwardOutcome.Read or AwkwardOutcome.Blank))
        {
            Assert.False(string.IsNullOrWhiteSpace(verdict.Message));
            Assert.Contains(Path.GetFileName(file), verdict.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_encrypted_file_asks_for_an_unprotected_copy()
    {
        foreach (var file in new[] { "ExcelDataReader/agile_AES256_SHA512_CBC_pwd_password.xlsx", "ExcelDataReader/Test_git_issue_242_std_rc4_pwd_password.xls", "ExcelDataReader/Test_git_issue_242_xor_pwd_password.xls", "poi/password.xls", "poi/protected_passtika.xlsx", "poi/xor-encryption-abc.xls" })
        {
            var verdict = AwkwardVerdicts.Judge(Path.Combine(TestFiles.Awkward, file));
            Assert.Equal(AwkwardOutcome.Encrypted, verdict.Outcome);
            Assert.Contains("protected with a password", verdict.Message, StringComparison.Ordinal);
            Assert.Contains("unprotected copy", verdict.Message, StringComparison.Ordinal);
        }
    }
}
