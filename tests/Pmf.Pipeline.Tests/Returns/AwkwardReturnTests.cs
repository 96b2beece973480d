using Pmf.Pipeline.Tests.Workbooks;
using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>
/// The ExcelDataReader and Apache POI corpora sent in as returns: the files the workbook layer rejects are
/// rejected with its message; the rest are not returns, so they end in a structural verdict, never a crash.
/// </summary>
public sealed class AwkwardReturnTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files() => AwkwardWorkbookTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_awkward_workbook_sent_as_a_return_ends_in_a_verdict_that_names_it(string file)
    {
        var verdict = await ReturnVerdicts.JudgeFileAsync(Path.Combine(TestFiles.Awkward, file));
        output.WriteLine($"{file}: {verdict}");

        var layer = AwkwardVerdicts.Expected(file);
        if (layer is AwkwardOutcome.Read or AwkwardOutcome.Blank)
        {
            Assert.NotEqual(ReturnOutcome.Unreadable, verdict.Outcome);
        }
        else
        {
            Assert.Equal(ReturnOutcome.Unreadable, verdict.Outcome);
            Assert.Equal(layer.ToString(), verdict.Problem!.Failure.ToString());
        }

        if (verdict.Outcome == ReturnOutcome.Read)
        {
            Assert.True(verdict.RowCount > 0);
        }
        else
        {
            Assert.Contains(Path.GetFileName(file), verdict.Problem!.Message, StringComparison.Ordinal);
        }
    }
}
