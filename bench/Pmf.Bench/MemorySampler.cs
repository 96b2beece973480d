using System.Diagnostics;
using System.Globalization;

namespace Pmf.Bench;

/// <summary>
/// Samples the process while a mode runs, to say what its peak working set is made of: the managed
/// heap (<see cref="GC.GetTotalMemory(bool)"/>, live and not yet collected) and SQLite's own allocations
/// (<c>sqlite3_memory_used</c>); the rest is the runtime, native libraries and mapped files.
/// With <c>PMF_BENCH_TRACE=1</c> it also prints one line a second to stderr, to see when the peak comes.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _trace = Environment.GetEnvironmentVariable("PMF_BENCH_TRACE") == "1";
    private volatile bool _stop;

    public MemorySampler()
    {
        SQLitePCL.Batteries_V2.Init(); // as Microsoft.Data.Sqlite does on its first connection; harmless again
        _thread = new Thread(Run) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    /// <summary>What the sampler itself allocated, to leave out of the mode's bytes allocated a row.</summary>
    public long OwnAllocatedBytes { get; private set; }

    /// <summary>The sample with the largest working set.</summary>
    public (double Seconds, long WorkingSet, long Managed, long Sqlite) Peak { get; private set; }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"peak sampled at {Peak.Seconds:F1} s: workingSetMB={Mb(Peak.WorkingSet):F0} managedHeapMB={Mb(Peak.Managed):F0} sqliteMB={Mb(Peak.Sqlite):F0} otherMB={Mb(Peak.WorkingSet - Peak.Managed - Peak.Sqlite):F0}");

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>Linux only: the resident set by kind (anonymous, file-backed, shared memory).</summary>
    private static string Rss() => File.Exists("/proc/self/status")
        ? string.Join(' ', File.ReadLines("/proc/self/status").Where(l => l.StartsWith("Rss", StringComparison.Ordinal)).Select(l => l.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal)))
        : "";

    private void Run()
    {
        using var process = Process.GetCurrentProcess();
        var lastTrace = -1L;
        while (!_stop)
        {
            process.Refresh();
            var sample = (_clock.Elapsed.TotalSeconds, process.WorkingSet64, GC.GetTotalMemory(false), SQLitePCL.raw.sqlite3_memory_used());
            if (sample.WorkingSet64 > Peak.WorkingSet)
            {
                Peak = sample;
            }

            if (_trace && (long)sample.TotalSeconds != lastTrace)
            {
                lastTrace = (long)sample.TotalSeconds;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"t={sample.TotalSeconds,5:F1} ws={Mb(sample.WorkingSet64),4:F0} managed={Mb(sample.Item3),4:F0} committed={Mb(GC.GetGCMemoryInfo().TotalCommittedBytes),4:F0} sqlite={Mb(sample.Item4),4:F0} cpu={process.TotalProcessorTime.TotalSeconds,5:F1} {Rss()}"));
            }

            Thread.Sleep(200);
        }

        OwnAllocatedBytes = GC.GetAllocatedBytesForCurrentThread();
    }
}
