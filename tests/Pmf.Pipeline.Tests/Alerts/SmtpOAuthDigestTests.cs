using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Tests.FollowUp;
using Pmf.Pipeline.Tests.PowerBi;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Alerts;

/// <summary>
/// The <c>SmtpOAuth</c> transport against a real SMTP server on 127.0.0.1 that, like Exchange Online,
/// admits only SASL XOAUTH2 and checks the string byte for byte; the token comes from a test credential.
/// </summary>
public sealed class SmtpOAuthDigestTests
{
    private const string Mailbox = "performance@ashbyvale-brookmere.gov.uk";
    private const string Token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-only-token.for-xoauth2";
    private const string HousingHead = "priya.shah@ashbyvale-brookmere.gov.uk";

    [Fact]
    public async Task Digests_go_over_SMTP_with_XOAUTH2_as_the_mailbox_using_the_token_from_the_credential()
    {
        await using var server = await Xoauth2SmtpServer.StartAsync(Mailbox, Token);
        await using var harness = await SweepHarness.CreateAsync();
        var credential = new FixedTokenCredential(Token);

        var outcome = await SweepAsync(harness, server, credential);

        Assert.NotEmpty(outcome.Digests);
        Assert.All(outcome.Digests, d => Assert.True(d.Sent, d.Error));
        var logins = server.Seen("auth");
        Assert.Equal(outcome.Digests.Count, logins.Count);
        Assert.All(logins, l => Assert.Equal($"user={Mailbox}\u0001auth=Bearer {Token}\u0001\u0001", l.GetProperty("sasl").GetString()));
        Assert.All(logins, l => Assert.True(l.GetProperty("accepted").GetBoolean()));
        Assert.All(credential.Scopes, s => Assert.Equal("https://outlook.office365.com/.default", s));
        var messages = server.Seen("message");
        Assert.Equal(outcome.Digests.Count, messages.Count);
        Assert.All(messages, m => Assert.Equal(Mailbox, m.GetProperty("user").GetString()));
        Assert.All(messages, m => Assert.Equal(Mailbox, m.GetProperty("from").GetString()));
        var housing = Assert.Single(messages, m => To(m).Contains(HousingHead));
        Assert.Contains("Subject: PMF follow-up for Housing", housing.GetProperty("raw").GetString(), StringComparison.Ordinal);
        Assert.All(await harness.Ingest.QueryAsync<string>("SELECT transport || ' ' || outcome FROM alert_log"), l => Assert.Equal("SmtpOAuth Sent", l));
    }

    [Fact]
    public async Task A_token_the_server_refuses_is_a_permanent_failure_on_each_digest_and_the_next_sweep_sends_them_all()
    {
        await using var server = await Xoauth2SmtpServer.StartAsync(Mailbox, Token);
        await using var harness = await SweepHarness.CreateAsync();

        var refused = await SweepAsync(harness, server, new FixedTokenCredential("a-token-for-someone-else"));

        Assert.NotEmpty(refused.Digests);
        Assert.All(refused.Digests, d => Assert.StartsWith($"Permanent failure: SMTP 127.0.0.1 refused the login as {Mailbox}", d.Error, StringComparison.Ordinal));
        Assert.Empty(server.Seen("message"));
        Assert.All(server.Seen("auth"), l => Assert.False(l.GetProperty("accepted").GetBoolean()));
        Assert.Equal(0L, await harness.Ingest.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM follow_up WHERE notified_at IS NOT NULL"));
        Assert.Equal(refused.Digests.Count, await harness.Ingest.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM alert_log WHERE outcome = 'Failed'"));

        var next = await SweepAsync(harness, server, new FixedTokenCredential(Token));

        Assert.Equal(refused.Digests.Select(d => d.ServiceCode), next.Digests.Select(d => d.ServiceCode));
        Assert.Equal(refused.Digests.Select(d => d.Items), next.Digests.Select(d => d.Items));
        Assert.All(next.Digests, d => Assert.True(d.Sent, d.Error));
        Assert.Equal(next.Digests.Count, server.Seen("message").Count);
    }

    [Fact]
    public async Task An_unknown_recipient_fails_that_digest_alone_and_the_other_heads_of_service_still_get_theirs()
    {
        await using var server = await Xoauth2SmtpServer.StartAsync(Mailbox, Token, rejectRecipient: HousingHead);
        await using var harness = await SweepHarness.CreateAsync();

        var outcome = await SweepAsync(harness, server, new FixedTokenCredential(Token));

        var housing = Assert.Single(outcome.Digests, d => d.ServiceCode == "HOU");
        Assert.False(housing.Sent);
        Assert.Equal($"Permanent failure: SMTP 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found (recipient {HousingHead})", housing.Error);
        Assert.Single(server.Seen("rcpt-rejected"));
        var others = outcome.Digests.Where(d => d.ServiceCode != "HOU").ToList();
        Assert.NotEmpty(others);
        Assert.All(others, d => Assert.True(d.Sent, d.Error));
        Assert.Equal(others.Count, server.Seen("message").Count);
        var logged = await harness.Ingest.QueryAsync<LogRow>("SELECT recipients AS Recipients, outcome AS Outcome, error AS Error FROM alert_log WHERE outcome = 'Failed'");
        Assert.Equal(housing.Error, Assert.Single(logged, r => r.Recipients.Contains(HousingHead, StringComparison.Ordinal)).Error);
        Assert.Single(logged);
        Assert.Equal(0L, await harness.Ingest.Warehouse.ScalarAsync<long>(
            "SELECT COUNT(*) FROM follow_up f JOIN dim_service s ON s.service_key = f.service_key WHERE s.service_code = 'HOU' AND f.notified_at IS NOT NULL"));
    }

    [Fact]
    public async Task A_busy_server_answering_451_is_tried_again_after_a_wait_and_the_digest_goes()
    {
        await using var server = await Xoauth2SmtpServer.StartAsync(Mailbox, Token, busy: 1);
        await using var harness = await SweepHarness.CreateAsync();
        var time = new InstantTimeProvider(harness.SweepClock.GetUtcNow());

        var outcome = await SweepAsync(harness, server, new FixedTokenCredential(Token), time);

        Assert.All(outcome.Digests, d => Assert.True(d.Sent, d.Error));
        Assert.Single(server.Seen("busy"));
        Assert.Equal(outcome.Digests.Count, server.Seen("message").Count);
        var wait = Assert.Single(time.Waits);
        Assert.InRange(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10));
    }

    private static Task<SweepOutcome> SweepAsync(SweepHarness harness, Xoauth2SmtpServer server, FixedTokenCredential credential, TimeProvider? time = null)
    {
        var alerts = new AlertOptions
        {
            Transport = "smtp-oauth",
            Mailbox = Mailbox,
            From = $"PMF Pipeline <{Mailbox}>",
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, StartTls = false },
        };
        var transport = MailTransports.Create(alerts, credential: credential);
        // Retry waits pass at once: a flaky connection fails the test quickly instead of waiting on the harness's fake clock.
        var job = new SweepJob(harness.Ingest.Warehouse.Database, transport, time ?? new InstantTimeProvider(harness.SweepClock.GetUtcNow()),
            NullLogger<SweepJob>.Instance, harness.FollowUp, alerts);
        return job.RunAsync(harness.SweepClock.GetUtcNow(), CancellationToken.None);
    }

    private static List<string> To(JsonElement message) => [.. message.GetProperty("to").EnumerateArray().Select(a => a.GetString()!)];

    private sealed class LogRow
    {
        public string Recipients { get; init; } = "";

        public string Outcome { get; init; } = "";

        public string? Error { get; init; }
    }
}
