using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Sources;

namespace Pmf.Pipeline.Samples;

/// <summary>
/// The demo's two service systems, served by the pipeline itself: the housing management system's REST
/// API (an HTTP server on 127.0.0.1, paged, behind an API key) and the revenues system's database (a
/// SQLite file). Start them, then pull with <see cref="SampleSourceSet.Sources"/> and <see cref="SampleSourceSet.Secrets"/>.
/// </summary>
public static class SampleSources
{
    /// <summary>The setting that holds the demo housing API's key.</summary>
    public const string HousingKeySetting = "Pmf:Secrets:DemoHousingKey";

    /// <summary>The setting that holds the demo revenues database's connection string.</summary>
    public const string RevenuesConnectionSetting = "ConnectionStrings:DemoRevenues";

    /// <summary>The revenues system's query: a view of monthly collection figures.</summary>
    public const string RevenuesQuery = """
        SELECT kpi AS indicator, period_label AS period, result AS value, collected AS numerator, due AS denominator, note AS commentary
        FROM revenues_kpi
        WHERE period_start BETWEEN @periodStart AND @periodEnd
        ORDER BY period_start, kpi
        """;

    /// <summary>
    /// Serves the housing API and writes the revenues database in <paramref name="folder"/>, both holding
    /// figures for <paramref name="framework"/>'s <c>housing-system</c> and <c>revenues-db</c> indicators
    /// for every month from the start of the financial year before <paramref name="asOf"/> to the last that ended.
    /// </summary>
    public static async Task<SampleSourceSet> StartAsync(Framework framework, string folder, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(framework);
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "revenues-system.db");
        await SampleRevenuesDatabase.CreateAsync(database, SampleSourceFigures.For(framework, SampleFramework.RevenuesSource, asOf), cancellationToken);
        var apiKey = "demo-" + Guid.NewGuid().ToString("N");
        var api = SampleHousingApi.Start(SampleSourceFigures.For(framework, SampleFramework.HousingSource, asOf), apiKey);
        var settings = new Dictionary<string, string?>
        {
            [HousingKeySetting] = apiKey,
            [RevenuesConnectionSetting] = $"Data Source={database};Pooling=False",
        };
        return new SampleSourceSet(api, database, Definitions(api.BaseAddress), settings);
    }

    /// <summary>The two demo source definitions, as a council would configure them (see docs/sources.md).</summary>
    public static IReadOnlyList<SourceDefinition> Definitions(Uri housingApi)
    {
        ArgumentNullException.ThrowIfNull(housingApi);
        return
        [
            new SourceDefinition
            {
                Name = SampleFramework.HousingSource,
                Kind = SourceKinds.Rest,
                Schedule = "0 0 6 * * *",
                Rest = new RestSource
                {
                    Url = new Uri(housingApi, "kpis?from={periodStart}&to={periodEnd}").ToString(),
                    Paging = new RestPaging { Kind = SourceKinds.PageNumber, PageParameter = "page" },
                    Auth = new SourceAuth { Kind = SourceKinds.ApiKey, Header = "X-Api-Key", SecretSetting = HousingKeySetting },
                },
                Mapping = new SourceMapping { RecordsPath = "data", Indicator = "kpi", Period = "month", Value = "result" },
            },
            new SourceDefinition
            {
                Name = SampleFramework.RevenuesSource,
                Kind = SourceKinds.Sql,
                Schedule = "0 15 6 * * *",
                Sql = new SqlSource { Provider = SqlProviders.Sqlite, ConnectionStringSetting = RevenuesConnectionSetting, Query = RevenuesQuery },
                Mapping = new SourceMapping { Numerator = "numerator", Denominator = "denominator", Commentary = "commentary" },
            },
        ];
    }
}
