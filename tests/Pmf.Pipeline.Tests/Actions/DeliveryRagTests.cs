using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Tests.Actions;

public sealed class DeliveryRagTests
{
    private static readonly DateOnly Start = new(2026, 4, 1);
    private static readonly DateOnly End = new(2027, 3, 31);
    private static readonly DateOnly Q2End = new(2026, 9, 30);

    [Theory]
    [InlineData(QualitativeStatus.Complete, RagStatus.Green, "Delivered")]
    [InlineData(QualitativeStatus.OnTrack, RagStatus.Green, "On track")]
    [InlineData(QualitativeStatus.AtRisk, RagStatus.Amber, "At risk")]
    [InlineData(QualitativeStatus.OffTrack, RagStatus.Red, "Off track")]
    [InlineData(QualitativeStatus.NotStarted, RagStatus.Amber, "Not started")]
    public void Each_status_has_its_colour_and_words_within_the_actions_dates(string status, RagStatus rag, string label) =>
        Assert.Equal(new DeliveryRag(rag, label), DeliveryRag.Judge(status, Q2End, Start, End));

    [Fact]
    public void An_action_not_yet_due_to_start_has_no_colour() =>
        Assert.Equal(new DeliveryRag(RagStatus.DataOnly, "Not started"), DeliveryRag.Judge(QualitativeStatus.NotStarted, Q2End, new DateOnly(2026, 10, 1), End));

    [Fact]
    public void An_action_past_its_due_date_and_not_complete_is_red_overdue_whatever_it_is_called_and_a_complete_one_stays_delivered()
    {
        Assert.Equal(new DeliveryRag(RagStatus.Red, "Overdue"), DeliveryRag.Judge(QualitativeStatus.OnTrack, Q2End, Start, new DateOnly(2026, 8, 31)));
        Assert.Equal(new DeliveryRag(RagStatus.Green, "Delivered"), DeliveryRag.Judge(QualitativeStatus.Complete, Q2End, Start, new DateOnly(2026, 8, 31)));
    }
}
