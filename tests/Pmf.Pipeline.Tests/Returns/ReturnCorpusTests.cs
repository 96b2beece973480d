using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>
/// Every return in the corpus ends in the verdict it should, within a minute: rows read as typed, or a
/// rejection whose message names the file and says what is wrong. Never a crash, a hang or a silent empty result.
/// </summary>
public sealed class ReturnCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files() => [.. ReturnCorpus.Names];

    [Fact]
    public void The_corpus_holds_at_least_thirty_bad_or_awkward_files() => Assert.True(ReturnCorpus.Names.Count() >= 30);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_corpus_file_ends_in_its_verdict(string file)
    {
        var expected = ReturnCorpus.Get(file);

        var verdict = await ReturnVerdicts.JudgeAsync(expected.Build(), file);
        output.WriteLine($"{file}: {verdict}");

        Assert.Equal(expected.Outcome, verdict.Outcome);
        if (expected.Outcome == ReturnOutcome.Read)
        {
            Assert.Equal(expected.Rows, verdict.RowCount);
            Assert.True(verdict.RowCount > 0);
        }
        else
        {
            Assert.Contains(expected.Fragment, verdict.Problem!.Message, StringComparison.Ordinal);
            Assert.Contains(file, verdict.Problem.Message, StringComparison.Ordinal);
            Assert.Equal(file, verdict.Problem.File);
            Assert.Equal(expected.MidStream, verdict.MidStream);
        }

        expected.Check?.Invoke(verdict);
    }
}
