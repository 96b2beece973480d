using System.Diagnostics;

namespace Pmf.Pipeline.Tests.Faults;

/// <summary>
/// The built <c>pmf</c> (pmf.dll beside the test binaries) run as a child process, as an operator or a
/// scheduler runs it, on one warehouse and one local store.
/// </summary>
public sealed class PmfChild : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;

    private PmfChild(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "pmf.dll");

    public int Id => _process.Id;

    /// <summary>Starts <c>pmf</c> with <paramref name="args"/>, the store at <paramref name="storageRoot"/> and the SQLite warehouse at <paramref name="connection"/>.</summary>
    public static PmfChild Start(string storageRoot, string connection, string workingFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Pmf__Storage__Kind"] = "local";
        start.Environment["Pmf__Storage__LocalRoot"] = storageRoot;
        start.Environment["Pmf__Warehouse__Provider"] = "sqlite";
        start.Environment["Pmf__Warehouse__ConnectionString"] = connection;
        start.Environment["DOTNET_TieredPGO"] = "0";
        return new PmfChild(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits for the end; the exit code and everything it wrote.</summary>
    public async Task<(int ExitCode, string Output)> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return (_process.ExitCode, await _output + await _errors);
    }

    /// <summary>SIGKILL: no finally block, no flush, as a power cut or an OOM killer would.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already finished.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
