using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.FollowUp;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>What the head-of-service page tests start from, once per served host.</summary>
internal static class HeadOfServiceSeed
{
    private static readonly ConcurrentDictionary<ServedPages, Lazy<Task<IReadOnlyList<MimeMessage>>>> Seeded = new();

    /// <summary>Ingests a Red Housing and a Red Planning result through the host's own job and sweeps with links to the host; the digests it mailed.</summary>
    public static Task<IReadOnlyList<MimeMessage>> SeedAsync(ServedPages served) =>
        Seeded.GetOrAdd(served, s => new Lazy<Task<IReadOnlyList<MimeMessage>>>(async () =>
        {
            var store = s.Host.Services.GetRequiredService<IReturnStore>();
            var job = s.Host.Services.GetRequiredService<IngestReturnJob>();
            foreach (var file in new[]
            {
                new SampleReturnFile("HOU", "red.csv", SampleFormat.Csv, [new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 5, Commentary: "Two sites slipped.")], null, [], "test"),
                new SampleReturnFile("PLN", "red.csv", SampleFormat.Csv, [new SampleReturnLine("ASH-PLN-01", "2026/27 Q2", 40, Commentary: "Staff shortage.")], null, [], "test"),
            })
            {
                await store.DropAsync(ReturnPath.Parse(file.ReturnPath).Path!, new MemoryStream(SampleReturnWriter.ToBytes(file)), null, CancellationToken.None);
                await job.RunAsync(file.ReturnPath, CancellationToken.None);
            }

            var mail = new KeepingTransport();
            var asOf = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
            await new SweepJob(s.Warehouse, mail, asOf, NullLogger<SweepJob>.Instance, links: new WebLinks(s.Address.ToString())).RunAsync(null, CancellationToken.None);
            return (IReadOnlyList<MimeMessage>)mail.Sent;
        })).Value;

    public static Task<long> FollowUpIdAsync(ServedPages served, string kind, string indicator) =>
        served.ScalarAsync<long>("SELECT follow_up_id FROM follow_up WHERE kind = @Kind AND indicator_code = @Indicator", new { Kind = kind, Indicator = indicator });

}
