using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Pmf.Pipeline.Tests.Servers;

/// <summary>
/// tests/servers/xoauth2-smtp.js (nodemailer's smtp-server from npm) on 127.0.0.1 and a free port: an
/// SMTP server that admits only SASL XOAUTH2 with exactly <c>user={mailbox}^Aauth=Bearer {token}^A^A</c>,
/// as Exchange Online does, and records every login, refusal and message it sees. One per test (it is
/// quick to start), killed with its process tree on dispose.
/// </summary>
public sealed class Xoauth2SmtpServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _output = new();
    private readonly string _folder;
    private Process? _process;

    private Xoauth2SmtpServer(string folder) => _folder = folder;

    public int Port { get; private set; }

    public static string Script => Path.Combine(RepositoryRoot.Path, "tests", "servers", "xoauth2-smtp.js");

    private string RecordFile => Path.Combine(_folder, "seen.jsonl");

    /// <summary>Starts the server.</summary>
    /// <param name="mailbox">The only user it admits.</param>
    /// <param name="token">The only bearer token it admits.</param>
    /// <param name="rejectRecipient">A recipient to answer 550 5.1.1 (unknown).</param>
    /// <param name="busy">How many MAIL FROM commands to answer 451 4.7.500 (server busy) first.</param>
    public static async Task<Xoauth2SmtpServer> StartAsync(string mailbox, string token, string? rejectRecipient = null, int busy = 0)
    {
        if (!File.Exists(Path.Combine(RepositoryRoot.Path, "tests", "servers", "node_modules", "smtp-server", "package.json")))
        {
            throw new InvalidOperationException(
                "smtp-server is not installed; run `npm ci` in tests/servers (the test project's build does it when node_modules lacks it).");
        }

        var server = new Xoauth2SmtpServer(Directory.CreateTempSubdirectory("pmf-xoauth2-").FullName);
        for (var attempt = 1; ; attempt++)
        {
            server.Port = FreePort();
            server._process = server.Launch(mailbox, token, rejectRecipient, busy);
            if (await WaitUntilListeningAsync(server._process, server.Port))
            {
                return server;
            }

            server.Stop();
            if (attempt == 3)
            {
                var output = server.Output();
                await server.DisposeAsync();
                throw new InvalidOperationException($"xoauth2-smtp.js did not answer on 127.0.0.1:{server.Port} after {attempt} tries. Its output:\n{output}");
            }
        }
    }

    /// <summary>Every record line so far: <c>auth</c>, <c>busy</c>, <c>rcpt-rejected</c> and <c>message</c> entries.</summary>
    public IReadOnlyList<JsonElement> Seen()
    {
        if (!File.Exists(RecordFile))
        {
            return [];
        }

        using var reader = new StreamReader(new FileStream(RecordFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var seen = new List<JsonElement>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                seen.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return seen;
    }

    /// <summary>The record entries of one type.</summary>
    public IReadOnlyList<JsonElement> Seen(string type) => [.. Seen().Where(e => e.GetProperty("type").GetString() == type)];

    public ValueTask DisposeAsync()
    {
        Stop();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private Process Launch(string mailbox, string token, string? rejectRecipient, int busy)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Script)!,
        };
        foreach (var argument in new[]
        {
            Script, "--port", Port.ToString(CultureInfo.InvariantCulture), "--user", mailbox, "--token", token, "--record", RecordFile,
            "--busy", busy.ToString(CultureInfo.InvariantCulture), "--reject-rcpt", rejectRecipient ?? "",
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
