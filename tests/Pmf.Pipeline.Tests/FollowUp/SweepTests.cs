using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Jobs;

namespace Pmf.Pipeline.Tests.FollowUp;

public sealed class SweepTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public async Task Three_sweeps_create_no_duplicate_follow_up_event_or_mail()
    {
        await using var harness = await SweepHarness.CreateAsync();

        var first = await harness.SweepAsync(Monday);
        var counts = await harness.Ingest.CountsAsync();
        var second = await harness.SweepAsync(Monday);
        var third = await harness.SweepAsync(Monday);

        Assert.True(first.Changes.Raised > 0);
        Assert.NotEmpty(first.Digests);
        Assert.Equal(first.Digests.Count, harness.Mail.Sent.Count);
        Assert.Equal((0, 0, 0), (second.Changes.Raised, second.Changes.Escalated, second.Changes.Resolved));
        Assert.Equal((0, 0, 0), (third.Changes.Raised, third.Changes.Escalated, third.Changes.Resolved));
        Assert.Empty(second.Digests);
        Assert.Empty(third.Digests);
        Assert.Equal(counts, await harness.Ingest.CountsAsync());
        var duplicates = await harness.Ingest.QueryAsync<long>(
            "SELECT COUNT(*) FROM follow_up GROUP BY kind, indicator_code, period_key HAVING COUNT(*) > 1");
        Assert.Empty(duplicates);
    }

    [Fact]
    public async Task One_digest_goes_to_each_head_of_service_never_one_per_flag()
    {
        await using var harness = await SweepHarness.CreateAsync();

        var outcome = await harness.SweepAsync(Monday);

        var services = outcome.Changes.Open.Select(o => o.ServiceCode).Distinct().Count();
        Assert.Equal(services, harness.Mail.Sent.Count);
        Assert.Equal(outcome.Changes.Open.Sum(o => o.Count), outcome.Digests.Sum(d => d.Items));
        var logged = await harness.Ingest.QueryAsync<string>("SELECT outcome FROM alert_log");
        Assert.Equal(harness.Mail.Sent.Count, logged.Count);
        Assert.All(logged, o => Assert.Equal("Sent", o));
    }

    [Fact]
    public async Task A_return_that_arrives_resolves_its_late_follow_up_and_the_next_digest_says_so_once()
    {
        await using var harness = await SweepHarness.CreateAsync();
        await harness.SweepAsync(Monday);
        Assert.Equal(FollowUpStatus.Open, (await harness.FollowUpAsync(FollowUpKind.Late, "ASH-HOU-01", "2026/27 Q1"))!.Status);

        var ingested = await harness.Ingest.DropAndIngestAsync(IngestHarness.CleanHousingReturn());
        var after = await harness.SweepAsync(Monday.AddDays(1));
        var again = await harness.SweepAsync(Monday.AddDays(1));

        Assert.Equal(Pmf.Pipeline.Warehouse.SubmissionVerdict.Accepted, ingested.Verdict);
        Assert.Equal(FollowUpStatus.Resolved, (await harness.FollowUpAsync(FollowUpKind.Late, "ASH-HOU-01", "2026/27 Q1"))!.Status);
        Assert.True(after.Changes.Resolved > 0);
        var housing = Assert.Single(after.Digests, d => d.ServiceCode == "HOU");
        Assert.Contains("resolved", housing.Subject, StringComparison.Ordinal);
        Assert.Contains("Resolved since the last digest", harness.Mail.Sent.Last(m => m.Subject?.StartsWith("PMF follow-up", StringComparison.Ordinal) == true).TextBody ?? "", StringComparison.Ordinal);
        Assert.Empty(again.Digests);
        var events = await harness.Ingest.QueryAsync<string>("""
            SELECT e.action FROM follow_up_event e JOIN follow_up f ON f.follow_up_id = e.follow_up_id
            JOIN dim_period p ON p.period_key = f.period_key
            WHERE f.kind = 'Late' AND f.indicator_code = 'ASH-HOU-01' AND p.period_code = '2026/27 Q1' ORDER BY e.follow_up_event_id
            """);
        Assert.Equal(["Raised", "Resolved"], events);
    }

    [Fact]
    public async Task An_unchanged_item_waits_for_the_cool_down_but_an_escalation_goes_at_once()
    {
        await using var harness = await SweepHarness.CreateAsync();
        await harness.SweepAsync(new DateOnly(2026, 12, 9));
        var reminder = harness.Mail.Sent.Single(m => (m.Subject ?? "").Contains("Housing", StringComparison.Ordinal));
        Assert.Contains("ASH-HOU-02 Households in temporary accommodation (2026/27 M08): due 14 Dec 2026", reminder.TextBody ?? "", StringComparison.Ordinal);

        // Thu 10 Dec: nothing changed for M08 and the cool-down has not passed.
        harness.Mail.Sent.Clear();
        await harness.SweepAsync(new DateOnly(2026, 12, 10));
        Assert.DoesNotContain(harness.Mail.Sent, m => (m.TextBody ?? "").Contains("(2026/27 M08)", StringComparison.Ordinal));

        // Tue 15 Dec: overdue, an escalation, so it goes again at once.
        await harness.SweepAsync(new DateOnly(2026, 12, 15));
        Assert.Contains(harness.Mail.Sent, m => (m.TextBody ?? "").Contains("ASH-HOU-02 Households in temporary accommodation (2026/27 M08): due 14 Dec 2026, 1 working day overdue", StringComparison.Ordinal));

        // Mon 21 Dec: the director is copied.
        harness.Mail.Sent.Clear();
        await harness.SweepAsync(new DateOnly(2026, 12, 21));
        var escalated = harness.Mail.Sent.Single(m => (m.Subject ?? "").Contains("Housing", StringComparison.Ordinal));
        Assert.Contains("ASH-HOU-02 Households in temporary accommodation (2026/27 M08): due 14 Dec 2026, 5 working days overdue; director copied", escalated.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains(escalated.Cc.Mailboxes, m => m.Address == "performance@example.gov.uk");
    }

    [Fact]
    public async Task A_send_failure_loses_nothing_the_items_go_with_the_next_sweep()
    {
        await using var harness = await SweepHarness.CreateAsync();
        harness.Mail.Failing = true;

        var failed = await harness.SweepAsync(Monday);
        harness.Mail.Failing = false;
        var retried = await harness.SweepAsync(Monday);

        Assert.All(failed.Digests, d => Assert.False(d.Sent));
        Assert.Equal(failed.Digests.Select(d => (d.ServiceCode, d.Items)), retried.Digests.Select(d => (d.ServiceCode, d.Items)));
        Assert.All(retried.Digests, d => Assert.True(d.Sent));
        var log = await harness.Ingest.QueryAsync<string>("SELECT outcome FROM alert_log ORDER BY alert_id");
        Assert.Equal(failed.Digests.Count, log.Count(o => o == "Failed"));
        Assert.Equal(retried.Digests.Count, log.Count(o => o == "Sent"));
        Assert.Contains("The mail server is down.", (await harness.Ingest.QueryAsync<string>("SELECT error FROM alert_log WHERE outcome = 'Failed'"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_result_is_flagged_and_a_corrected_green_result_resolves_it()
    {
        await using var harness = await SweepHarness.CreateAsync();
        await harness.Ingest.DropAndIngestAsync(Csv("red.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 5, Commentary: "Two schemes slipped.")));

        await harness.SweepAsync(Monday);
        var red = await harness.FollowUpAsync(FollowUpKind.Red, "ASH-HOU-01", "2026/27 Q2");
        await harness.Ingest.DropAndIngestAsync(Csv("fixed.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 40, Commentary: "Corrected.")));
        await harness.SweepAsync(Monday.AddDays(1));

        Assert.NotNull(red);
        Assert.Equal(FollowUpStatus.Open, red.Status);
        Assert.Equal(FollowUpStatus.Resolved, (await harness.FollowUpAsync(FollowUpKind.Red, "ASH-HOU-01", "2026/27 Q2"))!.Status);
        var digest = harness.Mail.Sent.First(m => (m.TextBody ?? "").Contains("Failing indicators", StringComparison.Ordinal));
        Assert.Contains("ASH-HOU-01 Affordable homes delivered (2026/27 Q2): Red: value 5, target 30.6, Red; Red this period; commentary: Two schemes slipped.", digest.TextBody ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_row_is_a_data_quality_follow_up_until_a_later_submission_corrects_it()
    {
        await using var harness = await SweepHarness.CreateAsync();
        await harness.Ingest.DropAndIngestAsync(Csv("bad.csv",
            new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", "lots", Commentary: "typo"),
            new SampleReturnLine("ASH-HOU-04", "2026/27 Q2", 70)));

        await harness.SweepAsync(Monday);
        var flagged = await harness.FollowUpAsync(FollowUpKind.DataQuality, "ASH-HOU-01", "2026/27 Q2");
        var mail = harness.Mail.Sent.Single(m => (m.Subject ?? "").Contains("Housing", StringComparison.Ordinal));
        await harness.Ingest.DropAndIngestAsync(Csv("good.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 40)));
        await harness.SweepAsync(Monday.AddDays(1));

        Assert.NotNull(flagged);
        Assert.Contains("Data-quality failures", mail.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Resolved, (await harness.FollowUpAsync(FollowUpKind.DataQuality, "ASH-HOU-01", "2026/27 Q2"))!.Status);
    }

    [Fact]
    public async Task Sample_returns_raise_every_family_of_flag()
    {
        await using var harness = await SweepHarness.CreateAsync();
        foreach (var file in SampleReturns.Create(IngestHarness.Framework, Monday))
        {
            await harness.Ingest.DropAndIngestAsync(file);
        }

        var outcome = await harness.SweepAsync(Monday);

        var kinds = outcome.Changes.Open.Select(o => o.Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { FollowUpKind.Late, FollowUpKind.Freshness, FollowUpKind.Red, FollowUpKind.Worsening, FollowUpKind.DataQuality }, kinds);
        Assert.Contains(outcome.Changes.Open, o => o.Kind == FollowUpKind.Late && o.ServiceCode == SampleReturns.LateService);
    }

    [Fact]
    public async Task Acknowledged_items_keep_their_history_and_a_hand_resolved_item_is_not_reopened()
    {
        await using var harness = await SweepHarness.CreateAsync();
        await harness.SweepAsync(Monday);
        var book = new FollowUpBook(harness.Ingest.Warehouse.Database);
        var items = await book.ListAsync(includeResolved: false, "HOU", CancellationToken.None);
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        Assert.True(await book.AcknowledgeAsync(items[0].Id, "ann.head@example.gov.uk", "Chasing the team.", at, CancellationToken.None));
        Assert.True(await book.ResolveAsync(items[1].Id, "ann.head@example.gov.uk", "Indicator retired.", at, CancellationToken.None));
        Assert.False(await book.ResolveAsync(items[1].Id, "ann.head@example.gov.uk", "again", at, CancellationToken.None));
        Assert.False(await book.AcknowledgeAsync(999_999, "x", null, at, CancellationToken.None));
        await harness.SweepAsync(Monday.AddDays(1));

        var after = await book.ListAsync(includeResolved: true, "HOU", CancellationToken.None);
        Assert.Equal(FollowUpStatus.Acknowledged, after.Single(i => i.Id == items[0].Id).Status);
        Assert.Equal(FollowUpStatus.Resolved, after.Single(i => i.Id == items[1].Id).Status);
        var notes = await harness.Ingest.QueryAsync<string>("SELECT action FROM follow_up_event WHERE follow_up_id = @Id ORDER BY follow_up_event_id", new { items[0].Id });
        Assert.Equal(["Raised", "Acknowledged"], notes);
        Assert.Equal("Chasing the team.", await harness.Ingest.Warehouse.ScalarAsync<string>(
            "SELECT note FROM follow_up_event WHERE follow_up_id = @Id AND action = 'Acknowledged'", new { items[0].Id }));
    }

    private static SampleReturnFile Csv(string name, params SampleReturnLine[] lines) =>
        new("HOU", name, SampleFormat.Csv, lines, null, [], "test");
}
