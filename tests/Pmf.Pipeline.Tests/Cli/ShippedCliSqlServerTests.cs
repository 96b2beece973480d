// The CLI is run as shipped: `dotnet pmf.dll` from src/Pmf.Cli's own build output, with its own
// runtimeconfig.json, as a child process. In-process runs share the test host's runtime settings (the
// test project is not globalization-invariant), so they could never show what an operator's `pmf`
// does with Microsoft.Data.SqlClient, which refuses to run in globalization-invariant mode.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Cli;

public sealed partial class ShippedCliSqlServerTests
{
    [Fact]
    public async Task Init_against_a_port_that_drops_the_connection_reaches_the_network_and_says_so_in_one_sentence()
    {
        using var listener = new DroppingListener();
        var connection = $"Server=tcp:127.0.0.1,{listener.Port};Database=pmf;User Id=sa;Password=x;Connect Timeout=5;Encrypt=False";

        var (exit, output) = await RunShippedCliAsync("--provider", "sqlserver", "--connection", connection, "init");
        var text = Whitespace().Replace(output, " ").Trim();

        Assert.Equal(2, exit);
        Assert.True(listener.Accepted > 0, $"pmf never connected to 127.0.0.1:{listener.Port}; it said: {text}");
        Assert.True(text.StartsWith($"The warehouse at tcp:127.0.0.1,{listener.Port}/pmf could not be opened: ", StringComparison.Ordinal), text);
        Assert.Contains("(provider: TCP Provider", text, StringComparison.Ordinal); // SqlClient's mark of a network-level failure
        Assert.DoesNotContain("Globalization", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), output);
        Assert.DoesNotContain("Password", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_shipped_CLI_is_not_globalization_invariant()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(ShippedCli(), ".runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        var invariant = properties.TryGetProperty("System.Globalization.Invariant", out var value) && value.GetBoolean();

        Assert.False(invariant, "pmf.runtimeconfig.json sets System.Globalization.Invariant, and SqlClient cannot open a connection in that mode");
    }

    [Fact]
    public void The_shipped_CLI_runs_without_dynamic_PGO()
    {
        // Measured in bench/README.md: short processes compile less and finish sooner without it.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(ShippedCli(), ".runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty("System.Runtime.TieredPGO", out var value), "pmf.runtimeconfig.json does not set System.Runtime.TieredPGO");
        Assert.False(value.GetBoolean());
    }

    private static async Task<(int ExitCode, string Output)> RunShippedCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(ShippedCli());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Pmf__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pmf {string.Join(' ', args)} did not finish in 60 s");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>pmf.dll in src/Pmf.Cli's own output folder, built in the tests' configuration.</summary>
    private static string ShippedCli()
    {
        var configuration = typeof(ShippedCliSqlServerTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var path = Path.Combine(RepositoryRoot.Path, "src", "Pmf.Cli", "bin", configuration, framework, "pmf.dll");
        Assert.True(File.Exists(path), $"The CLI build is not at {path}; the test project's reference to Pmf.Cli builds it there.");
        return path;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    /// <summary>A TCP port on 127.0.0.1 that accepts each connection and closes it at once: there, but not SQL Server.</summary>
    private sealed class DroppingListener : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task _loop;
        private int _accepted;

        public DroppingListener()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _loop = Task.Run(AcceptAsync);
        }

        public int Port { get; }

        public int Accepted => Volatile.Read(ref _accepted);

        public void Dispose()
        {
            _listener.Stop();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _accepted);
                }
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }
    }
}
