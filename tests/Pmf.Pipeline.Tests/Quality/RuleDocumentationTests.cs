using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class RuleDocumentationTests
{
    [Fact]
    public void The_rules_page_lists_every_rule_with_its_id_name_and_severity()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "data-quality-rules.md"));

        foreach (var rule in QualityRules.All)
        {
            Assert.Contains($"| {rule.Id} | {rule.Name} | {rule.Severity} |", page, StringComparison.Ordinal);
        }
    }
}
