using System.Diagnostics;
using System.Globalization;
using ExcelDataReader;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Bench;
using Pmf.Bench.GateEval;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

// Usage: Pmf.Bench <raw|read|gate|load|files|stream> <rows> [xlsx|csv] [work folder] [months an indicator, 100]   or   Pmf.Bench sweep [work folder]   or   Pmf.Bench gate-eval [series folder] [work folder]
// One mode per process, so the peak working set reported is that mode's own.
var mode = args.ElementAtOrDefault(0) ?? "load";
if (mode == "gate-eval")
{
    // Pmf.Bench gate-eval [series folder] [work folder] [shared]: see GateEvalReport.
    var evalWatch = Stopwatch.StartNew();
    var series = LgbfSeries.Read(args.ElementAtOrDefault(1) ?? GateEvalReport.DefaultSeries);
    var (clean, injected, errors) = await GateEvalReport.RunAsync(series, args.ElementAtOrDefault(2) ?? Path.Combine(Path.GetTempPath(), "pmf-gate-eval"), args.ElementAtOrDefault(3) == "shared", CancellationToken.None);
    Console.WriteLine(GateEvalReport.Describe(clean, injected, errors));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gate-eval totalSeconds={evalWatch.Elapsed.TotalSeconds:F1}"));
    return 0;
}

if (mode == "typical")
{
    // Pmf.Bench typical [work folder] [path to pmf.dll, for the cold runs] [cold drops, 50]: see TypicalReturnBench.
    await TypicalReturnBench.RunAsync(
        args.ElementAtOrDefault(1) ?? Path.Combine(Path.GetTempPath(), "pmf-bench"), args.ElementAtOrDefault(2), int.Parse(args.ElementAtOrDefault(3) ?? "50", CultureInfo.InvariantCulture));
    return 0;
}

if (mode == "national")
{
    // Pmf.Bench national [work folder] [councils, 400] [steps, all: sweep,report,opendata,powerbi]: see NationalBench.
    await NationalBench.RunAsync(
        args.ElementAtOrDefault(1) ?? Path.Combine(Path.GetTempPath(), "pmf-bench"), int.Parse(args.ElementAtOrDefault(2) ?? "400", CultureInfo.InvariantCulture),
        args.ElementAtOrDefault(3)?.Split(',') ?? NationalBench.Steps);
    return 0;
}

if (mode == "sweep")
{
    var sweepWatch = Stopwatch.StartNew();
    var raised = await SweepBench.RunAsync(args.ElementAtOrDefault(1) ?? Path.Combine(Path.GetTempPath(), "pmf-bench"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sweep raised={raised} totalSeconds={sweepWatch.Elapsed.TotalSeconds:F2}"));
    return 0;
}

if (mode == "stream")
{
    // Pmf.Bench stream <rows> [csv|xlsx] [work folder]: see StreamBench.
    var grown = StreamBench.Run(
        int.Parse(args.ElementAtOrDefault(1) ?? "1000000", CultureInfo.InvariantCulture), args.ElementAtOrDefault(2) ?? "csv", args.ElementAtOrDefault(3) ?? Path.Combine(Path.GetTempPath(), "pmf-bench"));
    return grown < StreamBench.AllowedGrowthBytes ? 0 : 1;
}

var rows = int.Parse(args.ElementAtOrDefault(1) ?? "10000", CultureInfo.InvariantCulture);
var format = args.ElementAtOrDefault(2) ?? "xlsx";
var work = args.ElementAtOrDefault(3) ?? Path.Combine(Path.GetTempPath(), "pmf-bench");
var months = int.Parse(args.ElementAtOrDefault(4) ?? "100", CultureInfo.InvariantCulture);
Directory.CreateDirectory(work);

var scenario = BenchScenario.Create(rows, months);
var input = Path.Combine(work, months == 100 ? $"return-{rows}.{format}" : $"return-{rows}x{months}.{format}");
if (!File.Exists(input))
{
    var generate = Stopwatch.StartNew();
    if (format == "csv")
    {
        LargeReturnGenerator.WriteCsv(input, scenario.Rows());
    }
    else
    {
        LargeReturnGenerator.WriteXlsx(input, scenario.Rows(), rows);
    }

    Console.Error.WriteLine($"generated {input} ({new FileInfo(input).Length / 1024 / 1024} MB) in {generate.Elapsed.TotalSeconds:F1} s");
}

if (mode == "files")
{
    // The same return and its catalogue as files, for `pmf catalogue load` and `pmf ingest` (bench/cli-ingest.sh).
    var catalogue = Path.Combine(work, "catalogue.xlsx");
    Pmf.Pipeline.Catalogue.CatalogueWorkbookWriter.Write(scenario.Framework, catalogue);
    Console.WriteLine($"{catalogue} {input}");
    return 0;
}

var clock = new FakeTimeProvider(BenchScenario.Now);
var stopwatch = new Stopwatch();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var sampler = new MemorySampler();
long processed = mode switch
{
    "raw" => Timed(stopwatch, () => RawParse(input)),
    "read" => Timed(stopwatch, () => ReadOnly(input)),
    "gate" => Timed(stopwatch, () => ParseAndValidate(input, scenario)),
    _ => await LoadAsync(input, scenario, work, clock, stopwatch),
};
sampler.Dispose();
Process.GetCurrentProcess().Refresh();
var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
// CPU time as well as wall time: on a shared two-core machine the wall clock also measures the neighbours.
var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
// Bytes allocated a row do not depend on the neighbours either; the heap after the run shows what was kept.
var allocatedPerRow = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore - sampler.OwnAllocatedBytes) / (double)Math.Max(1, processed);
var gc = GC.GetGCMemoryInfo(GCKind.Any);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{mode,-5} {format,-4} rows={processed,9} seconds={stopwatch.Elapsed.TotalSeconds,7:F2} rows/s={processed / stopwatch.Elapsed.TotalSeconds,9:F0} cpuSeconds(process)={cpu,7:F2} peakWorkingSetMB={peak,6:F0} allocatedBytes/row={allocatedPerRow,6:F0} gen2={GC.CollectionCount(2)} heapMB={gc.HeapSizeBytes / 1024.0 / 1024.0,5:F0}"));
Console.WriteLine(sampler.Describe());
return 0;

static long Timed(Stopwatch stopwatch, Func<long> run)
{
    stopwatch.Start();
    var result = run();
    stopwatch.Stop();
    return result;
}

static long RawParse(string input)
{
    System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    using var stream = File.OpenRead(input);
    using var reader = input.EndsWith(".csv", StringComparison.Ordinal) ? ExcelReaderFactory.CreateCsvReader(stream) : ExcelReaderFactory.CreateReader(stream);
    long count = 0;
    while (reader.Read())
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            _ = reader.GetValue(i);
        }

        count++;
    }

    return count - 1; // the header
}

static long ReadOnly(string input)
{
    using var stream = File.OpenRead(input);
    using var read = ReturnReader.Read(stream, Path.GetFileName(input), CancellationToken.None);
    return read.Rows.LongCount();
}

static long ParseAndValidate(string input, BenchScenario scenario)
{
    using var stream = File.OpenRead(input);
    using var read = ReturnReader.Read(stream, Path.GetFileName(input), CancellationToken.None);
    var gate = new QualityGate(scenario.Context, read.DeclaredRows);
    long count = 0;
    foreach (var row in gate.Check(read.Rows))
    {
        if (row.Result is not null)
        {
            count++;
        }
    }

    var summary = gate.Complete();
    if (summary.Errors > 0)
    {
        throw new InvalidOperationException($"The benchmark return should be clean but had {summary.Errors} errors: {string.Join("; ", summary.IssuesByRule.Select(kv => kv.Key + "×" + kv.Value))}");
    }

    return count;
}

// The warehouse, its catalogue and the drop are set up untimed; the timed part is the ingest job:
// read, gate, load in one transaction, report, move.
static async Task<long> LoadAsync(string input, BenchScenario scenario, string work, TimeProvider clock, Stopwatch stopwatch)
{
    var folder = Path.Combine(work, "run-" + Guid.NewGuid().ToString("N"));
    var warehouse = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "warehouse.db")}" });
    await warehouse.MigrateAsync(CancellationToken.None);
    await scenario.LoadCatalogueAsync(warehouse);
    var store = new LocalFolderReturnStore(Path.Combine(folder, "storage"), clock);
    var path = ReturnPath.Parse($"{BenchScenario.Service}/{Path.GetFileName(input)}").Path!;
    await using (var file = File.OpenRead(input))
    {
        await store.DropAsync(path, file, null, CancellationToken.None);
    }

    await scenario.PrepareCalendarAsync(warehouse);
    stopwatch.Start();
    var outcome = await new IngestReturnJob(warehouse, store, clock, NullLogger<IngestReturnJob>.Instance).RunAsync(path.Name, CancellationToken.None);
    stopwatch.Stop();
    if (outcome.Load is not { Errors: 0 } load)
    {
        throw new InvalidOperationException($"The benchmark return should load cleanly: {outcome.Verdict} {outcome.Reason}");
    }

    return load.RowsLoaded;
}
