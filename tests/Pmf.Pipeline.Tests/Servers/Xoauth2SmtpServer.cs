using System.Globalization;
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
    private readonly string _folder;
    private ServerProcess? _server;

    private Xoauth2SmtpServer(string folder) => _folder = folder;

    public int Port => _server?.Ports[0] ?? 0;

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
        try
        {
            server._server = await ServerProcess.StartAsync("xoauth2-smtp.js", 1, ports => ServerProcess.Command(
                "node", Path.GetDirectoryName(Script)!,
                Script, "--port", ports[0].ToString(CultureInfo.InvariantCulture), "--user", mailbox, "--token", token, "--record", server.RecordFile,
                "--busy", busy.ToString(CultureInfo.InvariantCulture), "--reject-rcpt", rejectRecipient ?? ""));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
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
        _server?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
