using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Sources;
using Pmf.Pipeline.Tests.Jobs;

namespace Pmf.Pipeline.Tests.Sources;

/// <summary>
/// The sample framework in a migrated SQLite warehouse (as of 23 November 2026, via <see cref="IngestHarness"/>),
/// settings for secrets, a logger that keeps everything, and the pull job over whichever sources a test defines.
/// </summary>
public sealed class PullHarness : IAsyncDisposable
{
    public const string ApiKey = "hs-key-7f3a9c21e5";

    private PullHarness(IngestHarness ingest) => Ingest = ingest;

    public IngestHarness Ingest { get; }

    public CollectingLogger<PullSourcesJob> Log { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Dictionary<string, string?> Settings { get; } = new() { ["Pmf:Secrets:HousingKey"] = ApiKey };

    /// <summary>Kept across jobs, as a host keeps it, so circuit breakers remember.</summary>
    public SourceResilience Resilience { get; } = new();

    public static async Task<PullHarness> CreateAsync() => new(await IngestHarness.CreateAsync());

    public PullSourcesJob Job(params SourceDefinition[] sources) =>
        new(Ingest.Warehouse.Database, sources, new SourceSecrets(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build()), Http, Ingest.Clock, Log, Resilience);

    public async Task<PullOutcome> PullAsync(SourceDefinition source) => (await Job(source).RunAsync(source.Name, null, CancellationToken.None)).Single();

    public Task<List<T>> QueryAsync<T>(string sql, object? parameters = null) => Ingest.QueryAsync<T>(sql, parameters);

    /// <summary>The housing system's REST source: asked per period, records under "items", October 2026 open only.</summary>
    public static SourceDefinition Housing(string url, Action<SourceDefinition>? tweak = null)
    {
        var source = new SourceDefinition
        {
            Name = "housing-system",
            Kind = SourceKinds.Rest,
            BackfillFrom = new DateOnly(2026, 10, 1),
            Rest = new RestSource { Url = url },
            Mapping = new SourceMapping { RecordsPath = "items", Commentary = "commentary" },
            Resilience = new SourceResilienceOptions { Timeout = TimeSpan.FromSeconds(5), Retries = 2, RetryDelay = TimeSpan.FromMilliseconds(10) },
        };
        tweak?.Invoke(source);
        return source;
    }

    /// <summary>The revenues system's SQL source over <paramref name="database"/>.</summary>
    public SourceDefinition Revenues(ServiceSystemDatabase database)
    {
        Settings["ConnectionStrings:Revenues"] = database.ConnectionString;
        return new SourceDefinition
        {
            Name = "revenues-db",
            Kind = SourceKinds.Sql,
            BackfillFrom = new DateOnly(2026, 10, 1),
            Sql = new SqlSource { Provider = SqlProviders.Sqlite, ConnectionStringSetting = "ConnectionStrings:Revenues", Query = ServiceSystemDatabase.Query },
            Mapping = new SourceMapping { Numerator = "numerator", Denominator = "denominator" },
            Resilience = new SourceResilienceOptions { Timeout = TimeSpan.FromSeconds(5), Retries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) },
        };
    }

    /// <summary>Housing figures for a period, all on target: re-let days and rent collected, both councils.</summary>
    public static object[] HousingRecords(string period, string valueField = "value") =>
    [
        Record("ASH-HOU-03", period, valueField, 24),
        Record("BRK-HOU-03", period, valueField, 22),
        Record("ASH-HOU-05", period, valueField, 99.6m),
        Record("BRK-HOU-05", period, valueField, 99.7m),
    ];

    public static Task WriteJsonAsync(HttpContext context, object body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    /// <summary>Answers every request with the housing records of the period asked for.</summary>
    public static Task AnswerHousing(HttpContext context) =>
        WriteJsonAsync(context, new { items = HousingRecords(context.Request.Query["period"].ToString()) });

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Ingest.DisposeAsync();
    }

    private static Dictionary<string, object?> Record(string code, string period, string valueField, decimal value) =>
        new() { ["indicator"] = code, ["period"] = period, [valueField] = value, ["commentary"] = null };
}
