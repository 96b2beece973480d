using System.Text.Json;
using Dapper;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.FollowUp;
using Pmf.Pipeline.Tests.Servers;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Alerts;

[Collection(MaildevCollection.Name)]
public sealed class SmtpDigestTests(MaildevFixture maildev)
{
    private const string Hostile = "<script>alert('pwned')</script>\r\nBcc: victim@evil.example";

    [Fact]
    public async Task Digests_sent_over_SMTP_arrive_with_recipients_subject_and_both_bodies_and_hostile_text_harmless()
    {
        await maildev.ResetAsync();
        await using var harness = await SweepHarness.CreateAsync();
        await using (var connection = await harness.Ingest.Warehouse.OpenAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE dim_service SET service_name = @Name, head_of_service = @Head WHERE service_code = 'HOU'",
                new { Name = "Housing\r\nBcc: victim@evil.example", Head = "Ann <script>\r\nBcc: x@evil.example" });
        }

        await harness.Ingest.DropAndIngestAsync(new SampleReturnFile(
            "HOU", "red.csv", SampleFormat.Csv, [new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 5, Commentary: Hostile)], null, [], "test"));
        var transport = new SmtpMailTransport(new SmtpOptions
        {
            Host = "127.0.0.1", Port = maildev.SmtpPort, StartTls = false, UserName = MaildevFixture.UserName, Password = MaildevFixture.Password,
        });
        var job = new Pmf.Pipeline.Jobs.SweepJob(harness.Ingest.Warehouse.Database, transport, harness.SweepClock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Pmf.Pipeline.Jobs.SweepJob>.Instance);

        var outcome = await job.RunAsync(null, CancellationToken.None);
        var emails = await maildev.WaitForAsync(outcome.Digests.Count + 1);

        Assert.All(outcome.Digests, d => Assert.True(d.Sent, d.Error));
        Assert.True(Assert.Single(outcome.Feedback).Sent);
        Assert.Equal(outcome.Digests.Count + 1, emails.Count);
        var report = Assert.Single(emails, e => e.GetProperty("subject").GetString()!.StartsWith("PMF return red.csv", StringComparison.Ordinal));
        Assert.DoesNotContain("<script", report.GetProperty("html").GetString()!, StringComparison.OrdinalIgnoreCase);
        var housing = Assert.Single(emails, e => e.GetProperty("subject").GetString()!.StartsWith("PMF follow-up for Housing", StringComparison.Ordinal));
        var subject = housing.GetProperty("subject").GetString()!;
        Assert.DoesNotContain('\n', subject);
        Assert.DoesNotContain('\r', subject);
        Assert.Equal(["priya.shah@ashbyvale-brookmere.gov.uk"], Addresses(housing, "to"));
        Assert.DoesNotContain(AllRecipients(emails), a => a.Contains("evil", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("performance@example.gov.uk", Addresses(housing, "cc"));
        var html = housing.GetProperty("html").GetString()!;
        var text = housing.GetProperty("text").GetString()!;
        var page = Dom.Parse(html);
        Assert.Empty(page.Active());
        Assert.Contains("<script>alert('pwned')</script>", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ASH-HOU-01 Affordable homes delivered (2026/27 Q2): Red: value 5", text, StringComparison.Ordinal);
        Assert.Contains("commentary: <script>alert('pwned')</script>  Bcc: victim@evil.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nBcc:", text, StringComparison.Ordinal);
        Assert.Contains("Overdue returns", text, StringComparison.Ordinal);
        Assert.Contains("Overdue returns", page.QuerySelectorAll("h2").Select(h => h.Words()));
        var logged = await harness.Ingest.QueryAsync<string>("SELECT transport || ' ' || outcome FROM alert_log");
        Assert.All(logged, l => Assert.Equal("Smtp Sent", l));
    }

    [Fact]
    public async Task A_wrong_password_is_a_logged_failure_and_the_items_stay_owed()
    {
        await using var harness = await SweepHarness.CreateAsync();
        var transport = new SmtpMailTransport(new SmtpOptions
        {
            Host = "127.0.0.1", Port = maildev.SmtpPort, StartTls = false, UserName = MaildevFixture.UserName, Password = "wrong",
        });
        var job = new Pmf.Pipeline.Jobs.SweepJob(harness.Ingest.Warehouse.Database, transport, harness.SweepClock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Pmf.Pipeline.Jobs.SweepJob>.Instance);

        var outcome = await job.RunAsync(null, CancellationToken.None);

        Assert.NotEmpty(outcome.Digests);
        Assert.All(outcome.Digests, d => Assert.False(d.Sent));
        Assert.Equal(0L, await harness.Ingest.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM follow_up WHERE notified_at IS NOT NULL"));
    }

    private static List<string> Addresses(JsonElement email, string field) =>
        email.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(a => a.GetProperty("address").GetString()!)]
            : [];

    private static IEnumerable<string> AllRecipients(IEnumerable<JsonElement> emails) =>
        emails.SelectMany(e => Addresses(e, "to").Concat(Addresses(e, "cc")).Concat(Addresses(e, "bcc")).Concat(
            e.TryGetProperty("envelope", out var envelope) && envelope.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array
                ? to.EnumerateArray().Select(a => a.GetProperty("address").GetString()!)
                : []));
}
