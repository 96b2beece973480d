using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class QualitativeRulesTests
{
    [Fact]
    public void A_qualitative_row_with_status_and_commentary_loads_data_only_carrying_its_status()
    {
        var row = Some.Gate().Check(Some.Qualitative("ON-TRACK"));

        Assert.Empty(row.Issues);
        Assert.Equal(QualitativeStatus.OnTrack, row.Result!.Status);
        Assert.Equal(RagStatus.DataOnly, row.Result.Rag);
        Assert.Null(row.Result.Value);
    }

    [Fact]
    public void A_qualitative_row_without_status_or_reason_is_rejected()
    {
        var issue = Some.Gate().Check(Some.Qualitative(status: null, commentary: null)).Issue(QualityRules.StatusMissing);

        Assert.Equal(ReturnColumns.Status, issue.Column);
        Assert.Contains("On track, At risk, Off track, Complete, Not started", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_qualitative_row_without_status_but_with_a_reason_is_a_nil_return()
    {
        var row = Some.Gate().Check(Some.Qualitative(status: null, commentary: "Project paused by Cabinet."));

        Assert.Equal(ReturnColumns.Status, row.Issue(QualityRules.NilReturn).Column);
        Assert.True(row.Result!.IsNilReturn);
    }

    [Fact]
    public void An_unrecognised_status_is_rejected_quoting_it()
    {
        var issue = Some.Gate().Check(Some.Qualitative("Going OK")).Issue(QualityRules.StatusUnrecognised);

        Assert.Equal("Going OK", issue.RawValue);
        Assert.Contains("'Going OK'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_without_commentary_loads_with_a_warning()
    {
        var row = Some.Gate().Check(Some.Qualitative("Off track", commentary: null));

        Assert.Equal(Severity.Warning, row.Issue(QualityRules.QualitativeWithoutCommentary).Severity);
        Assert.Equal(QualitativeStatus.OffTrack, row.Result!.Status);
    }

    [Fact]
    public void A_qualitative_indicator_ignores_a_value_column()
    {
        var row = Some.Gate().Check(Some.Row("HOU-Q1", value: "text", status: "Complete", commentary: "Done in August."));

        Assert.Empty(row.Issues);
    }
}
