using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Faults;

/// <summary>
/// A warehouse holding the sample framework and a local store with returns waiting, for real <c>pmf</c>
/// processes to ingest; and the integrity checks that must hold whatever happened to them.
/// </summary>
public sealed class ProcessWorld : IAsyncDisposable
{
    private readonly IngestHarness _harness;
    private readonly TempFolder _work = new();

    private ProcessWorld(IngestHarness harness) => _harness = harness;

    public string Root => ((LocalFolderReturnStore)_harness.Store).Root;

    public string Connection => _harness.Warehouse.Options.ConnectionString;

    /// <summary>Every file name put in returns/, as <c>&lt;service&gt;/&lt;file&gt;</c>.</summary>
    public List<string> Dropped { get; } = [];

    public static async Task<ProcessWorld> CreateAsync()
    {
        var world = new ProcessWorld(await IngestHarness.CreateAsync());
        await world._harness.Store.ListWaitingAsync(CancellationToken.None);
        return world;
    }

    /// <summary>Puts <paramref name="bytes"/> in returns/ as a sender's tool would (written aside, renamed in).</summary>
    public void Put(string name, byte[] bytes)
    {
        var full = Path.Combine(Root, "returns", name);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full + ".partial", bytes);
        File.Move(full + ".partial", full);
        Dropped.Add(name);
    }

    /// <summary>The sample returns of every service (one file each), and one of them again under more names.</summary>
    public void PutSampleReturns(int copiesOfOne)
    {
        var files = SampleReturns.Create(IngestHarness.Framework, new DateOnly(2026, 10, 20))
            .Where(f => f.StatedPeriod is null && f.FileName.Contains("2026-27 Q1", StringComparison.Ordinal))
            .GroupBy(f => f.ServiceCode)
            .Select(g => g.First())
            .ToList();
        // A workbook's bytes carry the time it was written: the copies are of these very bytes.
        var bytes = files.Select(SampleReturnWriter.ToBytes).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            Put(files[i].ReturnPath, bytes[i]);
        }

        var one = bytes[0];
        for (var i = 1; i <= copiesOfOne; i++)
        {
            Put($"{files[0].ServiceCode}/copy {i} of {files[0].FileName}", one);
        }
    }

    public PmfChild Start(params string[] args) => PmfChild.Start(Root, Connection, _work.Path, args);

    public Task<List<T>> QueryAsync<T>(string sql) => _harness.QueryAsync<T>(sql);

    /// <summary>
    /// What must hold after any number of kills and one run to the end: nothing waits in returns/, every
    /// dropped file is in processed/ or rejected/, every submission is whole (its results and issues all
    /// there, none left loading), and every submission owes its report exactly once.
    /// </summary>
    public async Task<Integrity> CheckAsync()
    {
        var waiting = await new LocalFolderReturnStore(Root, TimeProvider.System).ListWaitingAsync(CancellationToken.None);
        var moved = new[] { "processed", "rejected" }
            .SelectMany(c => Directory.GetFiles(Path.Combine(Root, c), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains(".report.", StringComparison.Ordinal) && !f.EndsWith(".meta.json", StringComparison.Ordinal) && !f.EndsWith(".partial", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .ToList();
        var lost = Dropped.Where(d => !moved.Any(m => m.EndsWith("_" + d.Split('/')[1], StringComparison.Ordinal))).ToList();
        var half = (await QueryAsync<long>(
            """
            SELECT s.submission_id FROM submission s
            WHERE s.verdict = 'Loading'
               OR (s.verdict IN ('Accepted', 'AcceptedWithWarnings')
                   AND s.rows_loaded <> (SELECT COUNT(*) FROM fact_result r WHERE r.submission_id = s.submission_id))
               OR (SELECT COUNT(*) FROM dq_issue q WHERE q.submission_id = s.submission_id)
                  <> CASE WHEN s.warnings + s.errors > 1000 THEN 1000 ELSE s.warnings + s.errors END
            """)).Count;
        var unowed = (await QueryAsync<long>(
            "SELECT s.submission_id FROM submission s WHERE NOT EXISTS (SELECT 1 FROM sender_feedback f WHERE f.submission_id = s.submission_id)")).Count;
        var notSent = (await QueryAsync<long>("SELECT submission_id FROM sender_feedback WHERE sent_at IS NULL")).Count;
        return new Integrity(waiting.Count, lost, half, unowed, notSent, (await QueryAsync<long>("SELECT COUNT(*) FROM submission"))[0]);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _work.Dispose();
    }

    /// <summary>The figures of <see cref="CheckAsync"/>.</summary>
    public sealed record Integrity(int StillWaiting, List<string> Lost, int HalfSubmissions, int ReportsNotOwed, int ReportsNotSent, long Submissions);
}
