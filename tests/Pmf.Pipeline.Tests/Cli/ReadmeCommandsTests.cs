using System.Diagnostics;
using System.Text;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Faults;
using Pmf.Pipeline.Tests.Hosting;
using Pmf.Pipeline.Tests.Servers;
using Pmf.Pipeline.Tests.Support;
using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>
/// README.md followed from top to bottom as a newcomer would, from a fresh folder: every command its shell
/// blocks show, in the order shown, each checked for what the README says it does. <c>pmf</c> is the built
/// pmf.dll run as a child process, not <see cref="Pmf.Cli.PmfApp"/> in-process: the README's paths
/// (<c>--out pmf-demo</c>, <c>./pmf-storage</c>, <c>pmf.db</c>) are relative to the folder a command runs
/// in, and a test cannot move the process's current folder under the tests running beside it.
/// </summary>
public sealed class ReadmeCommandsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Every_command_the_readme_shows_works_in_order_from_a_fresh_folder()
    {
        var commands = ReadmeScript.Commands(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md")));
        Assert.Contains(commands, c => c.PmfArguments?.FirstOrDefault() == "demo");
        using var folder = new TempFolder();
        Served? serving = null;
        try
        {
            foreach (var command in commands)
            {
                output.WriteLine($"$ {command.Text}");
                if (command.Words is ["dotnet", "test", ..])
                {
                    output.WriteLine("  skipped: it runs this test suite");
                }
                else if (command.PmfArguments is ["serve", ..])
                {
                    serving = await Served.StartAsync(folder.Path, command);
                }
                else if (command.PmfArguments is { } args)
                {
                    var (exit, text) = await RunAsync(folder.Path, command.Environment, args);
                    output.WriteLine(text);
                    Assert.True(exit == 0, $"{command.Text} exited {exit}:\n{text}");
                    await CheckAsync(folder, args, text);
                }
                else if (command.Words is ["cp", ..])
                {
                    var operands = command.Words.Skip(1).ToList();
                    var copied = Copy(folder.Path, operands);
                    Assert.NotEmpty(copied);
                    Assert.NotNull(serving);
                    await serving.IngestedAsync(Path.Combine(folder.Path, operands[^1]), copied);
                }
                else
                {
                    Assert.Fail($"README.md shows a command this test does not know how to run or check: {command.Text}");
                }
            }
        }
        finally
        {
            if (serving is not null)
            {
                var (exit, log) = await serving.StopAsync();
                output.WriteLine(log);
                Assert.True(exit == 0, $"pmf serve exited {exit} when stopped:\n{log}");
            }
        }

        Assert.NotNull(serving);
    }

    /// <summary>What the README says each command leaves behind.</summary>
    private static async Task CheckAsync(TempFolder folder, IReadOnlyList<string> args, string text)
    {
        switch (args.Where(a => !a.StartsWith('-') && !a.EndsWith(".json", StringComparison.Ordinal)).FirstOrDefault())
        {
            case "demo":
                var demo = Path.Combine(folder.Path, "pmf-demo");
                foreach (var made in new[] { "catalogue.xlsx", "warehouse.db", "pmf.json", "powerbi/PmfPipeline.pbip" })
                {
                    Assert.True(File.Exists(Path.Combine(demo, made)), $"the demo leaves pmf-demo/{made}");
                }

                Assert.NotEmpty(Directory.GetFiles(Path.Combine(demo, "outbox"), "*.eml"));
                Assert.NotEmpty(Directory.GetFiles(Path.Combine(demo, "reports"), "*.html"));
                break;
            case "followup":
                using (var warehouse = new WarehouseProbe(Path.Combine(folder.Path, "pmf-demo", "warehouse.db")))
                {
                    var open = await warehouse.ScalarAsync("SELECT COUNT(*) FROM follow_up WHERE status IN ('Open', 'Acknowledged')");
                    Assert.True(open > 0, "the demo's sweep raised follow-ups");
                    Assert.Contains($"{open} follow-up(s).", text, StringComparison.Ordinal);
                }

                Assert.False(File.Exists(Path.Combine(folder.Path, "pmf.db")), "it read the demo's warehouse, not a new one here");
                break;
            case "init":
                Assert.True(File.Exists(Path.Combine(folder.Path, "pmf.db")));
                break;
            case "catalogue":
                Assert.Contains("loaded.", text, StringComparison.Ordinal);
                break;
            default:
                Assert.Fail($"No check for pmf {string.Join(' ', args)}; say here what the README promises it does.");
                break;
        }
    }

    /// <summary><c>cp SOURCE... FOLDER/</c>, with the one kind of wildcard the README uses (<c>*</c> in the last part of a path).</summary>
    private static List<string> Copy(string workingFolder, IReadOnlyList<string> operands)
    {
        var target = Path.Combine(workingFolder, operands[^1]);
        Assert.True(Directory.Exists(target), $"cp's target {operands[^1]} exists, as the README says it will");
        var copied = new List<string>();
        foreach (var source in operands.Take(operands.Count - 1))
        {
            var full = Path.Combine(workingFolder, source);
            var matches = source.Contains('*', StringComparison.Ordinal)
                ? Directory.GetFiles(Path.GetDirectoryName(full)!, Path.GetFileName(full))
                : [full];
            foreach (var file in matches)
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
                copied.Add(Path.GetFileName(file));
            }
        }

        return copied;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingFolder, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args)
    {
        using var process = Process.Start(Start(workingFolder, environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static ProcessStartInfo Start(string workingFolder, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(PmfChild.Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary><c>pmf serve</c> running in the background, as in the README's first terminal.</summary>
    private sealed class Served
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        private Served(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        /// <summary>
        /// Starts it as the README does, looking at returns/ every second (default 5) only to keep the test short, and
        /// serving its pages on a free port (default 5080) so it never clashes with another test's or a real pmf serve.
        /// </summary>
        public static async Task<Served> StartAsync(string workingFolder, ReadmeCommand command)
        {
            var environment = new Dictionary<string, string>(command.Environment)
            {
                ["Pmf__Serve__PollSeconds"] = "1",
                ["Pmf__Serve__SettleSeconds"] = "1",
                ["Pmf__Web__Listen"] = "http://127.0.0.1:0",
            };
            var served = new Served(Process.Start(Start(workingFolder, environment, command.PmfArguments!))!);
            await Eventually.WithinAsync(TimeSpan.FromSeconds(60), () => Task.FromResult(served._process.HasExited || served.Log.Contains("pmf serve is running", StringComparison.Ordinal)), "pmf serve has started");
            Assert.False(served._process.HasExited, served.Log);
            var hou = Path.Combine(workingFolder, environment["Pmf__Storage__LocalRoot"], StorageContainers.Returns, "HOU");
            Assert.True(Directory.Exists(hou), $"serve made returns/HOU for the catalogue's service HOU:\n{served.Log}");
            return served;
        }

        /// <summary>Waits until every file dropped in <paramref name="folder"/> has left it with a report beside it in processed/ or rejected/.</summary>
        public async Task IngestedAsync(string folder, IReadOnlyList<string> names)
        {
            var root = Path.GetFullPath(Path.Combine(folder, "..", ".."));
            await Eventually.WithinAsync(
                TimeSpan.FromSeconds(90),
                () => Task.FromResult(_process.HasExited || (Directory.GetFiles(folder).Length == 0 && names.All(n => Reported(root, n)))),
                $"serve ingested {string.Join(", ", names)}:\n{Log}");
            Assert.False(_process.HasExited, Log);
        }

        /// <summary>Ctrl+C's signal (SIGTERM here: the host stops the same way); the exit code and the log.</summary>
        public async Task<(int ExitCode, string Log)> StopAsync()
        {
            if (!_process.HasExited)
            {
                using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }

            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(cancel.Token);
            var exit = _process.ExitCode;
            _process.Dispose();
            return (exit, Log);
        }

        private static bool Reported(string root, string name) =>
            new[] { StorageContainers.Processed, StorageContainers.Rejected }
                .Select(c => Path.Combine(root, c, "HOU"))
                .Where(Directory.Exists)
                .SelectMany(d => Directory.GetFiles(d, "*.report.html"))
                .Any(f => Path.GetFileName(f).EndsWith($"_{name}.report.html", StringComparison.Ordinal));

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_log)
                {
                    _log.AppendLine(line);
                }
            }
        }
    }
}
