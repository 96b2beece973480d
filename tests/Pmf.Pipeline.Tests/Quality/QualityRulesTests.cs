using System.Text.RegularExpressions;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class QualityRulesTests
{
    [Fact]
    public void Every_rule_has_a_unique_well_formed_id_a_name_and_a_description()
    {
        Assert.Equal(QualityRules.All.Count, QualityRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(QualityRules.All, r =>
        {
            Assert.Matches(new Regex(@"^DQ\d{3}$"), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Name));
            Assert.EndsWith(".", r.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_list_holds_every_rule_the_type_exposes_in_id_order()
    {
        var exposed = typeof(QualityRules).GetProperties()
            .Where(p => p.PropertyType == typeof(QualityRule))
            .Select(p => (QualityRule)p.GetValue(null)!)
            .ToList();

        Assert.Equal(exposed.OrderBy(r => r.Id, StringComparer.Ordinal), QualityRules.All);
    }

    [Fact]
    public void A_rule_is_found_by_its_id_ignoring_case() =>
        Assert.Same(QualityRules.UnknownIndicator, QualityRules.Find("dq011"));

    [Theory]
    [MemberData(nameof(RowLevelRules))]
    public void A_clean_row_raises_no_rule(string ruleId)
    {
        var gate = Some.Context().QuarterlyHistory("HOU-01", 88, 91, 90, 93, 89, 92, 91, 90).Gate();

        var rows = new[] { gate.Check(Some.Row(row: 2)), gate.Check(Some.Qualitative(row: 3)), gate.Check(Some.Row("HOU-02", value: "12", row: 4)) };

        Assert.All(rows, r => Assert.DoesNotContain(ruleId, r.RuleIds()));
    }

    public static TheoryData<string> RowLevelRules() => [.. QualityRules.All.Select(r => r.Id)];
}
