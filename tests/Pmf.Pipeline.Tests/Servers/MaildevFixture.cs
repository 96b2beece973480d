using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
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

    private ServerProcess? _server;
    private string? _location;
    private HttpClient? _http;

    public int SmtpPort => _server?.Ports[0] ?? 0;

    public int WebPort => _server?.Ports[1] ?? 0;

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

        var location = _location = Directory.CreateTempSubdirectory("pmf-maildev-").FullName;
        _server = await ServerProcess.StartAsync("maildev", 2, ports => ServerProcess.Command(
            Launcher, location,
            "--smtp", ports[0].ToString(CultureInfo.InvariantCulture), "--ip", "127.0.0.1",
            "--web", ports[1].ToString(CultureInfo.InvariantCulture), "--web-ip", "127.0.0.1",
            "--incoming-user", UserName, "--incoming-pass", Password, "--hide-extensions", "STARTTLS"));
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}") };
        diagnostics.OnMessage(new DiagnosticMessage($"maildev SMTP 127.0.0.1:{SmtpPort}, API {WebPort}, started in {_server.StartedIn.TotalMilliseconds:0} ms"));
    }

    public Task DisposeAsync()
    {
        _http?.Dispose();
        _server?.Dispose();
        if (_location is not null && Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }

        return Task.CompletedTask;
    }
}
