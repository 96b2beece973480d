using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pmf.Pipeline.Tests.Servers;

/// <summary>
/// A real maildev (SMTP with a REST API) on 127.0.0.1 and two free ports, requiring a login, started
/// once per test collection and killed with its process tree afterwards. Tests join
/// <see cref="MaildevCollection"/>, call <see cref="ResetAsync"/>, send, then read what arrived with <see cref="EmailsAsync"/>.
/// </summary>
public sealed class MaildevFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string UserName = "pmf";

    public const string Password = "maildev-test-only";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _location;
    private HttpClient? _http;

    public int SmtpPort { get; private set; }

    public int WebPort { get; private set; }

    public static string Launcher => Path.Combine(
        RepositoryRoot.Path, "tests", "servers", "node_modules", ".bin", OperatingSystem.IsWindows() ? "maildev.cmd" : "maildev");

    /// <summary>Deletes every message maildev holds.</summary>
    public async Task ResetAsync() => (await Http.DeleteAsync(new Uri("/api/email/all", UriKind.Relative))).EnsureSuccessStatusCode();

    /// <summary>Every message maildev holds, as its REST API describes them.</summary>
    public async Task<IReadOnlyList<JsonElement>> EmailsAsync()
    {
        var emails = await Http.GetFromJsonAsync<JsonElement>(new Uri("/api/email", UriKind.Relative));
        return [.. emails.EnumerateArray()];
    }

    /// <summary>Waits (briefly) until <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var emails = await EmailsAsync();
            if (emails.Count >= count || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return emails;
            }

            await Task.Delay(50);
        }
    }

    private HttpClient Http => _http ?? throw new InvalidOperationException("maildev is not running.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Launcher))
        {
            throw new InvalidOperationException(
                $"maildev is not installed ({Launcher} is missing); run `npm ci` in tests/servers (the test project's build does it when node_modules is absent).");
        }

        _location = Directory.CreateTempSubdirectory("pmf-maildev-").FullName;
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            SmtpPort = FreePort();
            WebPort = FreePort();
            _process = Launch(_location);
            if (await WaitUntilListeningAsync(_process, SmtpPort) && await WaitUntilListeningAsync(_process, WebPort))
            {
                break;
            }

            Stop();
            if (attempt == 3)
            {
                throw new InvalidOperationException(
                    $"maildev did not answer on 127.0.0.1:{SmtpPort}/{WebPort} within {StartTimeout.TotalSeconds:0} s after {attempt} tries. Its output:\n{Output()}");
            }
        }

        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}") };
        diagnostics.OnMessage(new DiagnosticMessage($"maildev SMTP 127.0.0.1:{SmtpPort}, API {WebPort}, started in {clock.Elapsed.TotalMilliseconds:0} ms"));
    }

    public Task DisposeAsync()
    {
        _http?.Dispose();
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

    private Process Launch(string location)
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
            "--smtp", SmtpPort.ToString(CultureInfo.InvariantCulture), "--ip", "127.0.0.1",
            "--web", WebPort.ToString(CultureInfo.InvariantCulture), "--web-ip", "127.0.0.1",
            "--incoming-user", UserName, "--incoming-pass", Password, "--hide-extensions", "STARTTLS",
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
