using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Tests.FollowUp;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Alerts;

public sealed class SenderFeedbackTests
{
    private const string FeedbackSql = "SELECT submission_id AS SubmissionId, sent_at AS SentAt, attempts AS Attempts, last_error AS LastError FROM sender_feedback";

    private const string AlertLogSql = """
        SELECT submission_id AS SubmissionId, outcome AS Outcome, recipients AS Recipients, subject AS Subject
        FROM alert_log WHERE submission_id IS NOT NULL ORDER BY alert_id
        """;

    [Fact]
    public async Task An_ingest_with_a_transport_mails_the_sender_the_report_at_once_and_logs_it()
    {
        var mail = new KeepingTransport();
        await using var harness = await IngestHarness.CreateAsync(mail: mail);

        var outcome = await harness.DropAndIngestAsync(IngestHarness.CleanHousingReturn());

        var message = Assert.Single(mail.Sent);
        Assert.StartsWith("PMF return ", message.Subject, StringComparison.Ordinal);
        Assert.True(outcome.Feedback!.Sent);
        Assert.Equal(outcome.Load!.SubmissionId, outcome.Feedback.SubmissionId);
        var owed = Assert.Single(await harness.QueryAsync<FeedbackRow>(FeedbackSql));
        Assert.NotNull(owed.SentAt);
        var logged = Assert.Single(await harness.QueryAsync<LogRow>(AlertLogSql));
        Assert.Equal(outcome.Load.SubmissionId, logged.SubmissionId);
        Assert.Equal("Sent", logged.Outcome);
        Assert.Equal(message.Subject, logged.Subject);
        Assert.Equal(string.Join(", ", outcome.Feedback.Recipients), logged.Recipients);
    }

    [Fact]
    public async Task The_report_written_beside_the_file_is_the_very_message_mailed()
    {
        var mail = new KeepingTransport();
        await using var harness = await IngestHarness.CreateAsync(mail: mail);

        var outcome = await harness.DropAndIngestAsync(IngestHarness.CleanHousingReturn());

        var eml = Assert.Single(outcome.Reports, r => r.ToString().EndsWith(".report.eml", StringComparison.Ordinal));
        await using var stream = await harness.Store.OpenReadAsync(eml, CancellationToken.None);
        var written = await MimeKit.MimeMessage.LoadAsync(stream);
        var sent = Assert.Single(mail.Sent);
        Assert.False(string.IsNullOrEmpty(sent.MessageId));
        Assert.Equal(sent.MessageId, written.MessageId); // built once: the same message, not two alike
        Assert.Equal(sent.Subject, written.Subject);
    }

    [Fact]
    public async Task When_the_send_fails_the_ingest_still_completes_and_the_next_sweep_sends_the_report_once()
    {
        var mail = new KeepingTransport { Failing = true };
        await using var harness = await SweepHarness.CreateAsync(mail);

        var outcome = await harness.Ingest.DropAndIngestAsync(IngestHarness.CleanHousingReturn());

        Assert.Equal(SubmissionVerdict.Accepted, outcome.Verdict);
        Assert.NotNull(outcome.MovedTo);
        Assert.False(outcome.Feedback!.Sent);
        Assert.Contains("The mail server is down.", outcome.Feedback.Error, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await harness.Ingest.QueryAsync<FeedbackRow>(FeedbackSql)).SentAt);

        mail.Failing = false;
        var first = await harness.SweepAsync();
        var second = await harness.SweepAsync();

        var sent = Assert.Single(first.Feedback);
        Assert.True(sent.Sent);
        Assert.Equal(outcome.Load!.SubmissionId, sent.SubmissionId);
        Assert.Empty(second.Feedback);
        Assert.Single(mail.Sent, m => m.Subject?.StartsWith("PMF return ", StringComparison.Ordinal) == true);
        Assert.Equal(["Failed", "Sent"], (await harness.Ingest.QueryAsync<LogRow>(AlertLogSql)).Select(r => r.Outcome));
    }

    [Fact]
    public async Task Without_a_transport_at_ingest_the_report_is_owed_and_the_sweep_sends_it()
    {
        await using var harness = await SweepHarness.CreateAsync();

        var outcome = await harness.Ingest.DropAndIngestAsync(IngestHarness.CleanHousingReturn());
        var swept = await harness.SweepAsync();

        Assert.Null(outcome.Feedback);
        Assert.Equal(outcome.Load!.SubmissionId, Assert.Single(swept.Feedback).SubmissionId);
        Assert.Single(harness.Mail.Sent, m => m.Subject?.StartsWith("PMF return ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_report_that_keeps_failing_is_given_up_after_the_last_attempt_with_its_error_kept()
    {
        var mail = new KeepingTransport { Failing = true };
        await using var harness = await SweepHarness.CreateAsync(mail);
        await harness.Ingest.DropAndIngestAsync(IngestHarness.CleanHousingReturn());

        var attempts = new List<int>();
        for (var sweep = 0; sweep < SenderFeedback.MaxAttempts + 1; sweep++)
        {
            attempts.Add((await harness.SweepAsync()).Feedback.Count);
        }

        // The ingest tried once; the sweeps try until the fifth attempt, then stop asking.
        Assert.Equal([1, 1, 1, 1, 0, 0], attempts);
        var row = Assert.Single(await harness.Ingest.QueryAsync<FeedbackRow>(FeedbackSql));
        Assert.Equal(SenderFeedback.MaxAttempts, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.Contains("The mail server is down.", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_dropped_twice_gets_a_report_each_time_saying_what_happened()
    {
        var mail = new KeepingTransport();
        await using var harness = await IngestHarness.CreateAsync(mail: mail);
        var file = IngestHarness.CleanHousingReturn();
        var bytes = Pmf.Pipeline.Samples.SampleReturnWriter.ToBytes(file);

        await harness.DropAndIngestAsync(file.ReturnPath, bytes);
        var again = await harness.DropAndIngestAsync(file.ReturnPath, bytes);

        Assert.Equal(SubmissionVerdict.Duplicate, again.Verdict);
        Assert.True(again.Feedback!.Sent);
        Assert.Equal(2, mail.Sent.Count);
        Assert.NotEqual(mail.Sent[0].Subject, mail.Sent[1].Subject);
    }

    private sealed class FeedbackRow
    {
        public long SubmissionId { get; init; }

        public string? SentAt { get; init; }

        public long Attempts { get; init; }

        public string? LastError { get; init; }
    }

    private sealed class LogRow
    {
        public long SubmissionId { get; init; }

        public string Outcome { get; init; } = "";

        public string Recipients { get; init; } = "";

        public string Subject { get; init; } = "";
    }
}
