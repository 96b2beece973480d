using System.Diagnostics;
using System.Text.Json;
using Pmf.Pipeline.Tests.Servers;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pmf.Pipeline.Tests.Reports;

/// <summary>
/// Headless Chromium for the report tests: the system's (Debian's <c>chromium</c> package, or
/// <c>PMF_TEST_CHROMIUM</c>), installed with apt-get once per run when missing, so a fresh machine with
/// only the .NET SDK, Node.js and npm needs nothing done by hand (CI runs as root). Pages are driven by
/// tests/servers/render-page.mjs with playwright-core (installed by the test project's build), which
/// reports console errors, page errors and every request a page makes.
/// </summary>
public sealed class ChromiumFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private const string DebianChromium = "/usr/bin/chromium";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The Chromium executable.</summary>
    public string Executable { get; private set; } = "";

    /// <summary>The script that drives it.</summary>
    public static string Script => Path.Combine(RepositoryRoot.Path, "tests", "servers", "render-page.mjs");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(RepositoryRoot.Path, "tests", "servers", "node_modules", "playwright-core", "package.json")))
        {
            throw new InvalidOperationException("playwright-core is not installed; run `npm ci` in tests/servers (the test project's build does it when it is missing).");
        }

        Executable = Environment.GetEnvironmentVariable("PMF_TEST_CHROMIUM") is { Length: > 0 } given ? given : DebianChromium;
        if (File.Exists(Executable))
        {
            return;
        }

        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {Executable} and this machine has no apt-get to install it; install Chromium and set PMF_TEST_CHROMIUM to its path.");
        }

        var clock = Stopwatch.StartNew();
        diagnostics.OnMessage(new DiagnosticMessage("Chromium is missing: installing Debian's chromium package with apt-get ..."));
        await AptAsync("update");
        await AptAsync("install", "-y", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=600", "chromium");
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"apt-get installed chromium but {Executable} is still missing; set PMF_TEST_CHROMIUM to Chromium's path.");
        }

        diagnostics.OnMessage(new DiagnosticMessage($"Chromium installed in {clock.Elapsed.TotalSeconds:0} s"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Loads <paramref name="page"/> in Chromium; writes full-page screenshots at desktop and phone width and the
    /// A4 PDF the browser prints beside <paramref name="artefactBase"/> (.png, -phone.png, .pdf), with a copy of the page (.html).
    /// </summary>
    public async Task<RenderedPage> RenderAsync(string page, string artefactBase)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(artefactBase)!);
        if (Path.GetFullPath(page) != Path.GetFullPath(artefactBase + ".html"))
        {
            File.Copy(page, artefactBase + ".html", overwrite: true);
        }

        var (exit, output, error) = await RunAsync("node", [Script, Executable, page, artefactBase], RenderTimeout);
        if (exit != 0)
        {
            throw new InvalidOperationException($"Chromium could not render {page} (node exited with {exit}):\n{error}\n{output}");
        }

        return JsonSerializer.Deserialize<RenderedPage>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"render-page.mjs printed nothing for {page}: {error}");
    }

    private static async Task AptAsync(params string[] arguments)
    {
        var (exit, output, error) = await RunAsync("apt-get", arguments, InstallTimeout);
        if (exit != 0)
        {
            throw new InvalidOperationException(
                $"Chromium is not installed and `apt-get {string.Join(' ', arguments)}` failed with exit code {exit} (the tests install it as root; "
                + $"install the chromium package by hand or set PMF_TEST_CHROMIUM):\n{Tail(error)}\n{Tail(output)}");
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes:0} minutes.");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}

/// <summary>What Chromium saw of a page (see tests/servers/render-page.mjs).</summary>
public sealed record RenderedPage(
    bool Ok, IReadOnlyList<string> Console, IReadOnlyList<string> Requests, string Title, string Text, IReadOnlyList<RenderedCell> Cells, int Scripts,
    RenderedLayout Desktop, RenderedLayout Phone);

/// <summary>A page's layout at one window width: sideways overflow in px, overlapping cells or badges, the smallest body text in px.</summary>
public sealed record RenderedLayout(double Overflow, IReadOnlyList<string> Overlaps, double MinTextPx);

/// <summary>A summary count on the page: its priority, RAG category and the number shown.</summary>
public sealed record RenderedCell(string Priority, string Rag, string Text);
