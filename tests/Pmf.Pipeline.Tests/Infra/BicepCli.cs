using System.Diagnostics;
using System.Reflection;

namespace Pmf.Pipeline.Tests.Infra;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (pinned in
/// Directory.Packages.props, downloaded by the test project's restore): its native binary in the
/// package's tools/ folder, run as a child process.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Path
    {
        get
        {
            var package = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "BicepPackage").Value;
            var path = System.IO.Path.Combine(package ?? "", "tools", "bicep");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"No Bicep CLI at {path}: the test project's restore downloads Azure.Bicep.CommandLine.linux-x64 (a Linux x64 binary).");
            }

            // Package extraction may drop the executable bit.
            if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }

            return path;
        }
    }

    /// <summary>Runs <c>bicep</c> with <paramref name="args"/> in <paramref name="folder"/>.</summary>
    public static async Task<BicepRun> RunAsync(string folder, params string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No telemetry, and no first-run work that reaches for the network.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish in {Timeout.TotalMinutes:0} minutes");
        }

        return new BicepRun(string.Join(' ', args), process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>One run of the CLI: what it printed, and every diagnostic line (warnings and errors) it reported.</summary>
public sealed record BicepRun(string Command, int ExitCode, string Output, string Errors)
{
    public IReadOnlyList<string> Diagnostics =>
        (Output + "\n" + Errors).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal)
                || line.Contains(" : Info ", StringComparison.Ordinal))
            .ToList();

    public string Describe() => $"bicep {Command} exited {ExitCode}:\n{Errors}\n{(Output.Length > 2000 ? Output[..2000] : Output)}";
}
