using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pmf.Pipeline.Tests.Servers;

/// <summary>
/// A real server the tests run as a child process on 127.0.0.1 and free ports: launched, waited on
/// until every port answers, its output kept for the failure message, and killed with its process
/// tree on dispose. A port picked free can be taken by someone else before the server binds it, so a
/// start that does not answer is tried again on new ports, three times in all.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _output = new();
    private Process? _process;

    private ServerProcess()
    {
    }

    /// <summary>The ports the server was given, in the order it asked for them.</summary>
    public IReadOnlyList<int> Ports { get; private set; } = [];

    /// <summary>How long the server took from launch until its ports answered.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>Starts a server and waits until it listens on every one of its ports.</summary>
    /// <param name="name">The server, as the failure message names it.</param>
    /// <param name="ports">How many free ports it needs.</param>
    /// <param name="command">Its command line for the given ports.</param>
    /// <exception cref="InvalidOperationException">It did not answer after three tries; the message holds its output.</exception>
    public static async Task<ServerProcess> StartAsync(string name, int ports, Func<IReadOnlyList<int>, ProcessStartInfo> command)
    {
        var server = new ServerProcess();
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            server.Ports = [.. Enumerable.Range(0, ports).Select(_ => FreePort())];
            server._process = server.Launch(command(server.Ports));
            if (await server.ListeningAsync())
            {
                server.StartedIn = clock.Elapsed;
                return server;
            }

            var output = server.Output();
            server.Stop();
            if (attempt == 3)
            {
                throw new InvalidOperationException(
                    $"{name} did not answer on 127.0.0.1:{string.Join("/", server.Ports)} within {StartTimeout.TotalSeconds:0} s after {attempt} tries. Its output:\n{output}");
            }
        }
    }

    /// <summary>A command line: <paramref name="program"/> with its arguments, run in <paramref name="folder"/>.</summary>
    public static ProcessStartInfo Command(string program, string folder, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Everything the server has written so far.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.Length == 0 ? "(nothing)" : _output.ToString();
        }
    }

    public void Dispose() => Stop();

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

    private Process Launch(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> ListeningAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        foreach (var port in Ports)
        {
            if (!await ListeningAsync(port, timeout.Token))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> ListeningAsync(int port, CancellationToken timeout)
    {
        while (!timeout.IsCancellationRequested && _process is { HasExited: false })
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port, timeout);
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
