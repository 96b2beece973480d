using System.Text;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.FollowUp;
using Pmf.Pipeline.Tests.Sources;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Jobs;

// The uploader writes the "sender" metadata (blob metadata, or the local .meta.json sidecar), so it
// never chooses where a report goes: only addresses the catalogue holds for the service do. A
// sidecar nobody can read is ignored with a warning instead of stopping every run.
public sealed class SenderAddressTests
{
    private static readonly byte[] Return = Encoding.UTF8.GetBytes("Indicator,Period,Value\nASH-HOU-01,2026/27 Q1,30\n");

    [Fact]
    public async Task A_sender_the_catalogue_does_not_hold_is_named_in_the_report_and_only_the_head_of_service_is_mailed()
    {
        var (harness, job, mail, _) = await CreateAsync();
        await using var _1 = harness;
        await DropAsync(harness, "HOU/q1.csv", """{ "sender": "\"Priya Shah\" <a@evil.example>" }""");

        var outcome = await job.RunAsync("HOU/q1.csv", CancellationToken.None);

        var message = Assert.Single(mail.Sent);
        Assert.Equal(["priya.shah@ashbyvale-brookmere.gov.uk"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Empty(message.Cc);
        Assert.DoesNotContain("a@evil.example", string.Join(",", message.To.Concat(message.Cc).Concat(message.Bcc)), StringComparison.Ordinal);
        Assert.Contains("Sent by: \"Priya Shah\" <a@evil.example> (not an address the catalogue holds for HOU", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(["\"Priya Shah\" <a@evil.example>"], await harness.QueryAsync<string>("SELECT sender FROM submission"));
        Assert.NotEqual(SubmissionVerdict.Rejected, outcome.Verdict);
    }

    [Fact]
    public async Task A_sender_the_catalogue_holds_for_the_service_gets_the_report_copied_to_the_head_of_service()
    {
        var (harness, job, mail, _) = await CreateAsync();
        await using var _1 = harness;
        await DropAsync(harness, "HOU/q1.csv", """{ "sender": "Tom Okafor <TOM.OKAFOR@ashbyvale-brookmere.gov.uk>" }""");

        await job.RunAsync("HOU/q1.csv", CancellationToken.None);

        var message = Assert.Single(mail.Sent);
        Assert.Equal(["TOM.OKAFOR@ashbyvale-brookmere.gov.uk"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["priya.shah@ashbyvale-brookmere.gov.uk"], message.Cc.Mailboxes.Select(m => m.Address));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "sender": 5 }""")]
    [InlineData("""["a@evil.example"]""")]
    public async Task A_malformed_sidecar_is_ignored_with_a_warning_and_the_file_is_ingested(string sidecar)
    {
        var (harness, job, mail, logger) = await CreateAsync();
        await using var _1 = harness;
        await DropAsync(harness, "HOU/q1.csv", sidecar);

        var outcome = await job.RunAsync("HOU/q1.csv", CancellationToken.None);

        Assert.NotEqual(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.Equal(StorageContainers.Processed, outcome.MovedTo!.Container);
        Assert.Equal(["priya.shah@ashbyvale-brookmere.gov.uk"], Assert.Single(mail.Sent).To.Mailboxes.Select(m => m.Address));
        Assert.Contains(logger.Entries, e => e.StartsWith("Warning:", StringComparison.Ordinal)
            && e.Contains("HOU/q1.csv", StringComparison.Ordinal) && e.Contains("is not a JSON object of strings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sidecar_of_invalid_UTF8_is_ignored_too()
    {
        var (harness, job, _, logger) = await CreateAsync();
        await using var _1 = harness;
        await DropAsync(harness, "HOU/q1.csv", null);
        await File.WriteAllBytesAsync(FullPath(harness, "HOU/q1.csv") + ".meta.json", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x22, 0x22, 0x7D]);

        var outcome = await job.RunAsync("HOU/q1.csv", CancellationToken.None);

        Assert.Equal(StorageContainers.Processed, outcome.MovedTo!.Container);
        Assert.Contains(logger.Entries, e => e.StartsWith("Warning:", StringComparison.Ordinal) && e.Contains("metadata", StringComparison.Ordinal));
    }

    private static async Task<(IngestHarness Harness, IngestReturnJob Job, KeepingTransport Mail, CollectingLogger<IngestReturnJob> Logger)> CreateAsync()
    {
        var harness = await IngestHarness.CreateAsync();
        var mail = new KeepingTransport();
        var logger = new CollectingLogger<IngestReturnJob>();
        return (harness, new IngestReturnJob(harness.Warehouse.Database, harness.Store, harness.Clock, logger, mail: mail), mail, logger);
    }

    private static async Task DropAsync(IngestHarness harness, string name, string? sidecar)
    {
        await harness.Store.DropAsync(ReturnPath.Parse(name).Path!, new MemoryStream(Return), null, CancellationToken.None);
        if (sidecar is not null)
        {
            await File.WriteAllTextAsync(FullPath(harness, name) + ".meta.json", sidecar);
        }
    }

    private static string FullPath(IngestHarness harness, string name) =>
        Path.Combine(((LocalFolderReturnStore)harness.Store).Root, StorageContainers.Returns, name);
}
