using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class RedRulesTests
{
    [Theory]
    [InlineData("92", RagStatus.Green)]
    [InlineData("86", RagStatus.Amber)]
    [InlineData("80", RagStatus.Red)]
    public void Rag_is_scored_against_the_target_for_the_indicator_and_period(string value, RagStatus expected)
    {
        var result = Some.Gate().Check(Some.Row(value: value)).Result!;

        Assert.Equal(expected, result.Rag);
        Assert.Equal(90m, result.Target);
        Assert.Equal(Tolerance.Percent(5), result.Tolerance);
    }

    [Fact]
    public void Rag_uses_the_targets_amber_threshold()
    {
        var gate = Some.Context().Target("HOU-01", "2025/26 Q2", 90m, amberThreshold: 80m).Gate();

        var result = gate.Check(Some.Row(value: "81")).Result!;

        Assert.Equal((RagStatus.Amber, (decimal?)80m), (result.Rag, result.AmberThreshold));
    }

    [Fact]
    public void Without_a_target_a_result_is_data_only()
    {
        var result = Some.Gate().Check(Some.Row(period: "2025/26 Q1")).Result!;

        Assert.Equal(RagStatus.DataOnly, result.Rag);
        Assert.Null(result.Target);
    }

    [Fact]
    public void Rag_is_judged_under_the_indicator_version_in_force_for_the_period()
    {
        var old = Some.Indicator("HOU-12", polarity: Polarity.LowerIsBetter);
        var current = old with { Polarity = Polarity.HigherIsBetter };
        var gate = Some.Context()
            .With(old, validTo: new DateOnly(2025, 7, 1))
            .With(current, new DateOnly(2025, 7, 1))
            .Target("HOU-12", "2025/26 Q1", 50m)
            .Gate();

        var result = gate.Check(Some.Row("HOU-12", period: "2025/26 Q1", value: "40")).Result!;

        Assert.Equal(RagStatus.Green, result.Rag);
    }

    [Fact]
    public void A_red_result_without_commentary_loads_with_a_warning_because_bad_news_is_never_held_back()
    {
        var row = Some.Gate().Check(Some.Row(value: "80", commentary: null));

        var issue = row.Issue(QualityRules.RedWithoutCommentary);
        Assert.Equal(Severity.Warning, issue.Severity);
        Assert.Equal(ReturnColumns.Commentary, issue.Column);
        Assert.Contains("against a target of 90", issue.Message, StringComparison.Ordinal);
        Assert.Equal(RowOutcome.Loaded, row.Outcome);
        Assert.Equal(RagStatus.Red, row.Result!.Rag);
    }

    [Theory]
    [InlineData("80", "Staff vacancies.")]
    [InlineData("86", null)]
    public void A_red_result_with_commentary_or_an_amber_one_without_raises_no_red_warning(string value, string? commentary) =>
        Assert.DoesNotContain(QualityRules.RedWithoutCommentary.Id, Some.Gate().Check(Some.Row(value: value, commentary: commentary)).RuleIds());

    [Fact]
    public void Red_two_periods_running_without_remedial_action_is_flagged_using_history()
    {
        var gate = Some.Context().History("HOU-01", "2025/26 Q1", 70m, RagStatus.Red).Gate();

        var issue = gate.Check(Some.Row(value: "80", commentary: "Vacancies.")).Issue(QualityRules.RedTwiceWithoutAction);

        Assert.Equal(ReturnColumns.RemedialAction, issue.Column);
        Assert.Contains("2025/26 Q1 was Red too", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Red_two_periods_running_without_remedial_action_is_flagged_using_an_earlier_row_of_the_same_file()
    {
        var gate = Some.Context().Target("HOU-01", "2025/26 Q1", 90m).Gate();

        var q1 = gate.Check(Some.Row(period: "2025/26 Q1", value: "70", commentary: "Vacancies.", row: 2));
        var q2 = gate.Check(Some.Row(period: "2025/26 Q2", value: "80", commentary: "Still vacancies.", row: 3));

        Assert.DoesNotContain(QualityRules.RedTwiceWithoutAction.Id, q1.RuleIds());
        Assert.Contains("2025/26 Q1 (row 2) was Red too", q2.Issue(QualityRules.RedTwiceWithoutAction).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_earlier_row_of_the_file_supersedes_the_warehouse_for_its_period()
    {
        var gate = Some.Context()
            .History("HOU-01", "2025/26 Q1", 70m, RagStatus.Red)
            .Target("HOU-01", "2025/26 Q1", 90m)
            .Gate();

        gate.Check(Some.Row(period: "2025/26 Q1", value: "95", row: 2));
        var q2 = gate.Check(Some.Row(period: "2025/26 Q2", value: "80", commentary: "Dip.", row: 3));

        Assert.DoesNotContain(QualityRules.RedTwiceWithoutAction.Id, q2.RuleIds());
    }

    [Fact]
    public void Red_two_periods_running_with_remedial_action_raises_nothing()
    {
        var gate = Some.Context().History("HOU-01", "2025/26 Q1", 70m, RagStatus.Red).Gate();

        var row = gate.Check(Some.Row(value: "80", commentary: "Vacancies.", remedial: "Agency staff from October."));

        Assert.Empty(row.Issues);
        Assert.Equal("Agency staff from October.", row.Result!.RemedialAction);
    }

    [Fact]
    public void Red_after_an_amber_period_raises_no_remedial_warning()
    {
        var gate = Some.Context().History("HOU-01", "2025/26 Q1", 87m, RagStatus.Amber).Gate();

        Assert.DoesNotContain(QualityRules.RedTwiceWithoutAction.Id, gate.Check(Some.Row(value: "80", commentary: "Dip.")).RuleIds());
    }
}
