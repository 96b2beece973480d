using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.FollowUp;

public sealed class ResultNoteTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly Period Q2 = Period.Quarter(2026, 2);
    private static readonly DateTimeOffset Later = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_remedial_action_added_without_a_file_clears_red_without_action_and_the_return_commentary_stays()
    {
        await using var harness = await RedTwiceAsync();
        await harness.SweepAsync(Monday);
        Assert.Equal(FollowUpStatus.Open, (await harness.FollowUpAsync(FollowUpKind.RedWithoutAction, "ASH-HOU-01", "2026/27 Q2"))!.Status);

        var noted = await Book(harness).AddAsync("ASH-HOU-01", Q2, null, "Two new sites from January.", "head.housing@ashby.gov.uk", Later, CancellationToken.None);
        await harness.SweepAsync(Monday.AddDays(1));

        Assert.Equal(FollowUpStatus.Resolved, (await harness.FollowUpAsync(FollowUpKind.RedWithoutAction, "ASH-HOU-01", "2026/27 Q2"))!.Status);
        Assert.Equal(FollowUpStatus.Open, (await harness.FollowUpAsync(FollowUpKind.Red, "ASH-HOU-01", "2026/27 Q2"))!.Status);
        Assert.NotNull(noted);
        Assert.Equal(("Still slipping.", (string?)null), (noted.Commentary, noted.RemedialAction));
        Assert.Equal(new ResultNote(null, "Two new sites from January.", "head.housing@ashby.gov.uk", Later), Assert.Single(noted.Notes));
        Assert.Equal(("ASH", "HOU"), (noted.CouncilCode, noted.ServiceCode));
    }

    [Fact]
    public async Task A_note_giving_one_field_keeps_the_other_from_the_latest_note_and_history_keeps_both()
    {
        await using var harness = await RedTwiceAsync();
        var book = Book(harness);
        await book.AddAsync("ASH-HOU-01", Q2, "Contractor went into administration.", "Re-tender by March.", "a@ashby.gov.uk", Later, CancellationToken.None);

        var noted = await book.AddAsync("ASH-HOU-01", Q2, null, "Interim contractor from December.", "b@ashby.gov.uk", Later.AddHours(1), CancellationToken.None);

        Assert.Equal(2, noted!.Notes.Count);
        Assert.Equal(new ResultNote("Contractor went into administration.", "Interim contractor from December.", "b@ashby.gov.uk", Later.AddHours(1)), noted.Latest);
        Assert.Equal("Re-tender by March.", noted.Notes[0].RemedialAction);
    }

    [Fact]
    public async Task A_note_for_a_period_with_no_result_is_refused_and_an_empty_note_is_an_error()
    {
        await using var harness = await RedTwiceAsync();
        var book = Book(harness);

        Assert.Null(await book.AddAsync("ASH-HOU-01", Period.Quarter(2026, 3), "Early word.", null, "a@ashby.gov.uk", Later, CancellationToken.None));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => book.AddAsync("ASH-HOU-01", Q2, "  ", null, "a@ashby.gov.uk", Later, CancellationToken.None));
        Assert.StartsWith("Write a commentary, a remedial action or both", empty.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => book.AddAsync("ASH-HOU-01", Q2, new string('x', 4001), null, "a@ashby.gov.uk", Later, CancellationToken.None));
        Assert.Contains("shorten it to 4,000 or fewer", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await harness.Ingest.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM result_note"));
    }

    [Fact]
    public async Task The_reporting_view_and_the_committee_report_show_the_latest_note_beside_the_return_words()
    {
        await using var harness = await RedTwiceAsync();
        await Book(harness).AddAsync("ASH-HOU-01", Q2, "Contractor failed.", "Interim contractor from December.", "head.housing@ashby.gov.uk", Later, CancellationToken.None);

        var view = Assert.Single(await harness.Ingest.QueryAsync<(string? Commentary, string? Added, string? By)>("""
            SELECT "Commentary", "Added remedial action", "Added by" FROM v_result WHERE "Indicator code" = 'ASH-HOU-01' AND "Period" = '2026/27 Q2'
            """));
        var report = await new PerformanceReportQuery(harness.Ingest.Warehouse.Database).LoadAsync(
            new CouncilName("ASH", "Ashby"), ReportPeriods.For(PerformanceReportKind.Quarterly, Q2), Later, CancellationToken.None);
        var page = Dom.Parse(PerformanceReportHtml.Render(report));

        Assert.Equal(("Still slipping.", "Interim contractor from December.", "head.housing@ashby.gov.uk"), (view.Commentary, view.Added, view.By));
        var card = page.One("#red .card[data-indicator='ASH-HOU-01']").Words();
        Assert.Contains("Commentary: Still slipping.", card, StringComparison.Ordinal);
        Assert.Contains("Added after the return on 24 Nov 2026 by head.housing@ashby.gov.uk: Remedial action: Interim contractor from December. Commentary: Contractor failed.", card, StringComparison.Ordinal);
        Assert.Contains("Interim contractor from December.", page.One("#indicators tbody[data-indicator='ASH-HOU-01']").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_on_a_published_period_restates_nothing()
    {
        await using var harness = await RedTwiceAsync();
        var ledger = new Publication.PublicationLedger(harness.Ingest.Warehouse.Database, harness.SweepClock);
        foreach (var stage in new[] { Publication.PublicationStage.Reviewed, Publication.PublicationStage.Approved, Publication.PublicationStage.Published })
        {
            await ledger.TakeAsync("ASH", Q2, stage, "pmo@ashby.gov.uk", null, null, CancellationToken.None);
        }

        await Book(harness).AddAsync("ASH-HOU-01", Q2, null, "Interim contractor.", "head.housing@ashby.gov.uk", Later, CancellationToken.None);

        Assert.Equal(0L, await harness.Ingest.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM restatement"));
        Assert.Equal("Interim contractor.", await harness.Ingest.Warehouse.ScalarAsync<string>(
            "SELECT \"Added remedial action\" FROM v_result_published WHERE \"Indicator code\" = 'ASH-HOU-01' AND \"Period\" = '2026/27 Q2'"));
    }

    private static ResultNoteBook Book(SweepHarness harness) => new(harness.Ingest.Warehouse.Database);

    private static async Task<SweepHarness> RedTwiceAsync()
    {
        var harness = await SweepHarness.CreateAsync();
        await harness.Ingest.DropAndIngestAsync(Csv("q1.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q1", 5, Commentary: "Slipped.")));
        await harness.Ingest.DropAndIngestAsync(Csv("q2.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 6, Commentary: "Still slipping.")));
        return harness;
    }

    private static SampleReturnFile Csv(string name, params SampleReturnLine[] lines) =>
        new("HOU", name, SampleFormat.Csv, lines, null, [], "test");
}
