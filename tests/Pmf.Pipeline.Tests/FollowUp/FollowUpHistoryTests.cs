using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Samples;

namespace Pmf.Pipeline.Tests.FollowUp;

public sealed class FollowUpHistoryTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public async Task Acknowledge_and_resolve_notes_are_read_back_with_who_and_when_in_order()
    {
        await using var harness = await SweepHarness.CreateAsync();
        await harness.Ingest.DropAndIngestAsync(new SampleReturnFile(
            "HOU", "red.csv", SampleFormat.Csv, [new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 5, Commentary: "Slipped.")], null, [], "test"));
        await harness.SweepAsync(Monday);
        var red = (await harness.FollowUpAsync(FollowUpKind.Red, "ASH-HOU-01", "2026/27 Q2"))!;
        var book = new FollowUpBook(harness.Ingest.Warehouse.Database);
        var ackAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

        await book.AcknowledgeAsync(red.Id, "head.housing@ashby.gov.uk", "Looking at the site delays.", ackAt, CancellationToken.None);
        await book.ResolveAsync(red.Id, "head.housing@ashby.gov.uk", "Explained to scrutiny; recovery plan agreed.", ackAt.AddDays(1), CancellationToken.None);
        var history = await book.FindAsync(red.Id, CancellationToken.None);

        Assert.NotNull(history);
        Assert.Equal((FollowUpStatus.Resolved, "ASH", "HOU", true), (history.FollowUp.Status, history.FollowUp.CouncilCode, history.FollowUp.ServiceCode, history.FollowUp.HeadOfServiceMayResolve));
        Assert.Equal(
            [("Raised", "sweep", "Red this period"), ("Acknowledged", "head.housing@ashby.gov.uk", "Looking at the site delays."), ("Resolved", "head.housing@ashby.gov.uk", "Explained to scrutiny; recovery plan agreed.")],
            history.Events.Select(e => (e.Action, e.Actor, e.Note)));
        Assert.Equal(ackAt, history.Events[1].At);
        Assert.Null(await book.FindAsync(red.Id + 1000, CancellationToken.None));
    }

    [Theory]
    [InlineData(FollowUpKind.Red, true)]
    [InlineData(FollowUpKind.RedWithoutAction, true)]
    [InlineData(FollowUpKind.Worsening, true)]
    [InlineData(FollowUpKind.NoTarget, true)]
    [InlineData(FollowUpKind.Late, false)]
    [InlineData(FollowUpKind.Freshness, false)]
    [InlineData(FollowUpKind.DataQuality, false)]
    public void A_head_of_service_resolves_judgements_by_hand_but_not_missing_or_wrong_data(string kind, bool allowed) =>
        Assert.Equal(allowed, FollowUpKind.ResolvableByHeadOfService(kind));
}
