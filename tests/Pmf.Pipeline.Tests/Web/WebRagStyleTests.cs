using System.Text.RegularExpressions;
using Pmf.Pipeline.Pages;
using Pmf.Pipeline.Pages.Committee;
using Pmf.Pipeline.Pages.Web;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>The web pages and the committee reports draw a RAG badge from one style (<see cref="RagStyle"/>), in the sparklines' colours.</summary>
public sealed partial class WebRagStyleTests
{
    [Fact]
    public void The_web_pages_and_the_committee_report_carry_the_one_rag_style()
    {
        Assert.Contains(RagStyle.Css, WebStyle.Css, StringComparison.Ordinal);
        Assert.Contains(RagStyle.Css, CommitteeStyle.For("Report"), StringComparison.Ordinal);
        Assert.Contains($".rag.red {{ background: {ReportFormat.RagColour(RagStatus.Red)}; }}", RagStyle.Css, StringComparison.Ordinal);
        Assert.Contains($".rag.amber {{ background: {ReportFormat.RagColour(RagStatus.Amber)}; color: #0b0c0c; }}", RagStyle.Css, StringComparison.Ordinal);
    }

    [Fact]
    public void No_page_style_writes_its_own_rag_colours()
    {
        var copies = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => RagColourRule().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .ToList();

        Assert.True(copies.Count == 0, "RAG badge colours written outside RagStyle: " + string.Join(", ", copies));
    }

    [GeneratedRegex(@"(\.rag|th)\.(red|amber|green|data|none)\s*\{")]
    private static partial Regex RagColourRule();
}
