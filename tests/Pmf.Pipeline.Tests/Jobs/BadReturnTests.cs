using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Jobs;

/// <summary>
/// Every bad or awkward return ends with a clear verdict and a report beside it, the process never
/// crashes, no file is left without a verdict, and nothing already in the warehouse changes.
/// </summary>
public sealed class BadReturnTests
{
    public static TheoryData<string> Cases => [.. BadReturnCorpus.All.Select(c => c.Name)];

    [Fact]
    public void The_corpus_holds_at_least_thirty_files()
    {
        Assert.True(BadReturnCorpus.All.Count >= 30, $"{BadReturnCorpus.All.Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_return_gets_a_clear_verdict_and_a_report_and_leaves_earlier_results_alone(string name)
    {
        var corpusCase = BadReturnCorpus.All.Single(c => c.Name == name);
        await using var harness = await IngestHarness.CreateAsync();
        var clean = await harness.DropAndIngestAsync(IngestHarness.CleanHousingReturn());
        var earlier = await harness.QueryAsync<long>("SELECT result_key FROM fact_result WHERE is_current = 1 ORDER BY result_key");

        var task = harness.DropAndIngestAsync($"HOU/{corpusCase.FileName}", corpusCase.Bytes());
        var outcome = await task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(await harness.Store.ListWaitingAsync(CancellationToken.None));
        Assert.NotNull(outcome.MovedTo);
        Assert.Contains(outcome.Reports, r => r.Name.EndsWith(".report.html", StringComparison.Ordinal));
        var issues = await harness.QueryAsync<string>(
            "SELECT rule_id || ' ' || message FROM dq_issue WHERE submission_id = @Id", new { Id = outcome.Load!.SubmissionId });
        if (corpusCase.Expect == BadReturnCorpus.Expect.Rejected)
        {
            Assert.Equal(SubmissionVerdict.Rejected, outcome.Verdict);
            Assert.Equal(StorageContainers.Rejected, outcome.MovedTo!.Container);
            Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
            Assert.Contains(corpusCase.Fragment, outcome.Reason + " " + string.Join(" ", issues), StringComparison.OrdinalIgnoreCase);
            // Nothing of a rejected file reaches the results, and what was there is untouched.
            Assert.Equal(earlier, await harness.QueryAsync<long>("SELECT result_key FROM fact_result WHERE is_current = 1 ORDER BY result_key"));
        }
        else
        {
            Assert.NotEqual(SubmissionVerdict.Rejected, outcome.Verdict);
            Assert.True(outcome.Load.RowsLoaded > 0, string.Join("\n", issues));
            Assert.Contains(corpusCase.Fragment, string.Join(" ", issues), StringComparison.Ordinal);
        }

        Assert.Equal(clean.Load!.SubmissionId, (await harness.QueryAsync<long>("SELECT MIN(submission_id) FROM submission")).Single());
    }
}
