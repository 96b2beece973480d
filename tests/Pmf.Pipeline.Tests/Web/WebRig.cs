using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pmf.Cli.Serve;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>
/// A real <c>pmf serve</c> (Kestrel on 127.0.0.1, a free port) over a SQLite warehouse holding the sample catalogue,
/// with Housing's return contact added, one host per person using it (started when first asked for), shared by a
/// test class. One pmf serve runs per warehouse, so each person's host gets its own copy of the warehouse and its
/// own storage. The clock is the real one: the catalogue is loaded as of <see cref="IngestHarness.Now"/>.
/// </summary>
public sealed class WebRig : IAsyncLifetime
{
    /// <summary>Housing's head of service.</summary>
    public static readonly WebPersonSpec HeadOfHousing = new("Priya Shah", "priya.shah@ashbyvale-brookmere.gov.uk");

    /// <summary>Named in Housing's Return contacts only.</summary>
    public static readonly WebPersonSpec HousingOfficer = new("Sam Reed", "Sam.Reed@ashbyvale-brookmere.gov.uk");

    /// <summary>Planning's head of service: not Housing's.</summary>
    public static readonly WebPersonSpec HeadOfPlanning = new("Gareth Lloyd", "gareth.lloyd@ashbyvale-brookmere.gov.uk");

    /// <summary>In Pmf:Web:PerformanceTeam.</summary>
    public static readonly WebPersonSpec PerformanceOfficer = new("Alex Morgan", "alex.morgan@ashbyvale-brookmere.gov.uk");

    /// <summary>Named nowhere.</summary>
    public static readonly WebPersonSpec Stranger = new("Chris Doe", "chris.doe@example.org");

    private readonly ConcurrentDictionary<string, Lazy<Task<ServedPages>>> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private TestWarehouse? _warehouse;

    /// <summary>
    /// The sample catalogue, Housing with a return contact, and a delivery plan: Housing delivers ASH-A02 beside its
    /// indicators, and Democratic Services (DEM), which reports no indicator, delivers ASH-A01, so owes only action updates.
    /// </summary>
    public static Framework Framework { get; } = IngestHarness.Framework with
    {
        Services =
        [
            .. IngestHarness.Framework.Services.Select(s => s.Code == "HOU" ? s with { ReturnContacts = [HousingOfficer.Email] } : s),
            new("DEM", "Democratic Services", "Dana Ellis", "dana.ellis@ashbyvale-brookmere.gov.uk", null, null),
        ],
        Actions =
        [
            new("ASH-A01", "Live-stream every committee meeting", "ASH", "COUNCIL", null, "DEM", "Dana Ellis", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)),
            new("ASH-A02", "Open the Mill Lane homes scheme", "ASH", "HOMES", "HOMES-1", "HOU", "Priya Shah", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)),
        ],
    };

    /// <summary>The warehouse.</summary>
    public TestWarehouse Warehouse => _warehouse ?? throw new InvalidOperationException("The rig has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _warehouse = await TestWarehouse.CreateAsync();
        await using var connection = await _warehouse.OpenAsync();
        await CatalogueLoader.LoadAsync(connection, Framework, "catalogue.xlsx", FrameworkFingerprint.Of(Framework), IngestHarness.Now, new DateOnly(2025, 4, 1), CancellationToken.None);
    }

    /// <summary>The host serving <paramref name="person"/> (null: nobody configured).</summary>
    public Task<ServedPages> AsAsync(WebPersonSpec? person) =>
        _hosts.GetOrAdd(person?.Email ?? "", _ => new Lazy<Task<ServedPages>>(() => StartAsync(person))).Value;

    /// <summary>The settings a host gets in <paramref name="folder"/>, with <paramref name="person"/>.</summary>
    public static Dictionary<string, string?> Settings(string folder, WebPersonSpec? person) => new()
    {
        ["Pmf:Warehouse:Provider"] = "sqlite",
        ["Pmf:Warehouse:ConnectionString"] = $"Data Source={Path.Combine(folder, "warehouse.db")}",
        ["Pmf:Storage:Kind"] = "local",
        ["Pmf:Storage:LocalRoot"] = Path.Combine(folder, "storage"),
        ["Pmf:Alerts:Transport"] = "Outbox",
        ["Pmf:Alerts:OutboxFolder"] = Path.Combine(folder, "outbox"),
        // The watcher is not what these tests are about: it looks rarely, so a page's upload is the gate's only caller.
        ["Pmf:Serve:PollSeconds"] = "3600",
        ["Pmf:Web:Listen"] = "http://127.0.0.1:0",
        ["Pmf:Web:PerformanceTeam"] = PerformanceOfficer.Email,
        ["Pmf:Web:Identity:Name"] = person?.Name,
        ["Pmf:Web:Identity:Email"] = person?.Email,
    };

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values.Where(h => h.IsValueCreated))
        {
            await (await host.Value).DisposeAsync();
        }

        _warehouse?.Dispose();
    }

    private async Task<ServedPages> StartAsync(WebPersonSpec? person)
    {
        var folder = Path.Combine(Warehouse.FolderPath, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(Path.Combine(Warehouse.FolderPath, "warehouse.db"), Path.Combine(folder, "warehouse.db"));
        var settings = Settings(folder, person);
        var host = ServeHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TimeProvider.System, logging: l => l.ClearProviders());
        await host.StartAsync();
        var address = ServeHost.PagesAddress(host) ?? throw new InvalidOperationException("pmf serve serves no pages.");
        return new ServedPages(host, address, folder, new WarehouseDatabase(new WarehouseOptions { Provider = "sqlite", ConnectionString = settings["Pmf:Warehouse:ConnectionString"]! }));
    }
}

/// <summary>A person the tests sign in as.</summary>
/// <param name="Name">Their name.</param>
/// <param name="Email">Their address.</param>
public sealed record WebPersonSpec(string Name, string Email);

/// <summary>A started <c>pmf serve</c> and a client that keeps its cookies (as a browser would).</summary>
public sealed class ServedPages(IHost host, Uri address, string folder, WarehouseDatabase warehouse) : IAsyncDisposable
{
    /// <summary>The host's own folder: its warehouse, storage/ and outbox/.</summary>
    public string Folder { get; } = folder;

    /// <summary>The host's warehouse.</summary>
    public WarehouseDatabase Warehouse { get; } = warehouse;

    /// <summary>One value from the host's warehouse.</summary>
    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Warehouse.OpenAsync(CancellationToken.None);
        return (await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, parameters))!;
    }

    /// <summary>The host.</summary>
    public IHost Host { get; } = host;

    /// <summary>Where its pages are.</summary>
    public Uri Address { get; } = address;

    /// <summary>A client of its own, following no redirects.</summary>
    public HttpClient Client { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        Host.Dispose();
    }
}
