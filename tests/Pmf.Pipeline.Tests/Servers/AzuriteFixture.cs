using Azure.Storage.Blobs;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pmf.Pipeline.Tests.Servers;

/// <summary>
/// A real Azurite blob service on 127.0.0.1 and a free port, with its data in a temporary folder,
/// started once per test collection and killed (with its process tree) afterwards. Tests that share
/// it join <see cref="AzuriteCollection"/> and call <see cref="ResetAsync"/> for a fresh account.
/// </summary>
public sealed class AzuriteFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known key of <see cref="AccountName"/>, published in Azurite's documentation.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private ServerProcess? _server;
    private string? _location;

    /// <summary>The connection string for the running instance.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The port Azurite's blob service listens on.</summary>
    public int Port => _server?.Ports[0] ?? 0;

    /// <summary>How long Azurite took from launch until its port answered.</summary>
    public TimeSpan StartedIn => _server?.StartedIn ?? TimeSpan.Zero;

    /// <summary>The path of the azurite-blob launcher that <c>npm ci</c> in tests/servers installs.</summary>
    public static string Launcher => Path.Combine(
        RepositoryRoot.Path, "tests", "servers", "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");

    /// <summary>A client for the running instance.</summary>
    public BlobServiceClient CreateClient() => new(ConnectionString);

    /// <summary>Deletes every container, so the next test starts from an empty account.</summary>
    public async Task ResetAsync()
    {
        var client = CreateClient();
        await foreach (var container in client.GetBlobContainersAsync())
        {
            await client.DeleteBlobContainerAsync(container.Name);
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Launcher))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({Launcher} is missing); run `npm ci` in tests/servers (the test project's build does it when node_modules is absent).");
        }

        var location = _location = Directory.CreateTempSubdirectory("pmf-azurite-").FullName;
        _server = await ServerProcess.StartAsync("Azurite", 1, ports => ServerProcess.Command(
            Launcher, location,
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", location, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry"));
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};";
        diagnostics.OnMessage(new DiagnosticMessage($"Azurite blob service on 127.0.0.1:{Port} started in {StartedIn.TotalMilliseconds:0} ms"));
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        if (_location is not null && Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }

        return Task.CompletedTask;
    }
}
