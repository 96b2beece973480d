using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Pmf.Pipeline.Tests.Reports;
using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>
/// Headless Chromium driven by Playwright for the pages' tests: the system Chromium (found or installed by
/// <see cref="ChromiumFixture"/>; Playwright downloads no browser), one browser per test class, a fresh context
/// (cookies) per page. Screenshots go to <see cref="Artefacts"/> at desktop width and at 390px.
/// </summary>
public sealed class WebBrowser(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly ChromiumFixture _chromium = new(diagnostics);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where screenshots are written.</summary>
    public static string Artefacts { get; } = Path.Combine(AppContext.BaseDirectory, "web-screenshots");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _chromium.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = _chromium.Executable, Headless = true });
        Directory.CreateDirectory(Artefacts);
    }

    /// <summary>A new page at <paramref name="served"/>'s address, desktop size, JavaScript off as the core flows need none.</summary>
    public async Task<IPage> OpenAsync(ServedPages served, bool javaScript = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = served.Address.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs axe (WCAG 2.2 A and AA rules) on the page and fails on any serious or critical violation, naming it.
    /// axe is injected as a script, so the page is reloaded with JavaScript on for the check.
    /// </summary>
    public async Task AxeAsync(ServedPages served, string path)
    {
        var page = await OpenAsync(served, javaScript: true);
        await page.GotoAsync(path);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"axe on {path}: " + string.Join("; ", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        await page.Context.CloseAsync();
    }

    /// <summary>Screenshots of the page at desktop width and at 390px, named <paramref name="name"/>.</summary>
    public static async Task ScreenshotsAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artefacts, $"{name}-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artefacts, $"{name}-390.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<double>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"{name} is {overflow}px wider than a 390px phone screen");
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>
    /// Every word of a table heading on the page that the layout splits across lines ("Coun / cil"), as "heading: word".
    /// Each word of each heading is measured as laid out: a word drawn on more than one line box is broken.
    /// </summary>
    public static async Task<IReadOnlyList<string>> BrokenHeadingWordsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string[]>("""
            () => {
              const broken = [];
              for (const th of document.querySelectorAll('th')) {
                if (th.getClientRects().length === 0) continue;
                const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  for (const m of node.data.matchAll(/\S+/g)) {
                    const range = document.createRange();
                    range.setStart(node, m.index);
                    range.setEnd(node, m.index + m[0].length);
                    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                    if (tops.size > 1) broken.push(th.textContent.trim() + ': ' + m[0]);
                  }
                }
              }
              return broken;
            }
            """);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _chromium.DisposeAsync();
    }
}
