using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
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

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _location;

    /// <summary>The connection string for the running instance.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The port Azurite's blob service listens on.</summary>
    public int Port { get; private set; }

    /// <summary>How long Azurite took from launch until its port answered.</summary>
    public TimeSpan StartedIn { get; private set; }

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

        _location = Directory.CreateTempSubdirectory("pmf-azurite-").FullName;
        var clock = Stopwatch.StartNew();

        // A port picked free can be taken by someone else before Azurite binds it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            _process = Launch(Port, _location);
            if (await WaitUntilListeningAsync(_process, Port))
            {
                break;
            }

            Stop();
            if (attempt == 3)
            {
                throw new InvalidOperationException(
                    $"Azurite did not answer on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds:0} s after {attempt} tries. Its output:\n{Output()}");
            }
        }

        StartedIn = clock.Elapsed;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};";
        diagnostics.OnMessage(new DiagnosticMessage($"Azurite blob service on 127.0.0.1:{Port} started in {StartedIn.TotalMilliseconds:0} ms"));
    }

    public Task DisposeAsync()
    {
        Stop();
        if (_location is not null && Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private Process Launch(int port, string location)
    {
        var start = new ProcessStartInfo(Launcher)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = location,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", location, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> WaitUntilListeningAsync(Process process, int port)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (!timeout.IsCancellationRequested && !process.HasExited)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                return true;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }

        return false;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.Length == 0 ? "(nothing)" : _output.ToString();
        }
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        _process.Dispose();
        _process = null;
    }
}
