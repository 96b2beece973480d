using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Tests.FollowUp;
using Pmf.Pipeline.Tests.PowerBi;

namespace Pmf.Pipeline.Tests.Alerts;

/// <summary>
/// The <c>Graph</c> transport against a Kestrel stand-in for Microsoft Graph on 127.0.0.1 that records
/// every request and answers 202, 429 or 5xx as each test scripts; the token comes from a test credential.
/// </summary>
public sealed class GraphDigestTests : IAsyncLifetime
{
    private const string Mailbox = "performance@ashbyvale-brookmere.gov.uk";
    private const string Token = "graph-test-token";
    private const string HousingHead = "priya.shah@ashbyvale-brookmere.gov.uk";

    private PowerBiStandIn _graph = null!;
    private readonly HttpClient _http = new();
    private readonly FixedTokenCredential _credential = new(Token);

    public async Task InitializeAsync() => _graph = await PowerBiStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Digests_are_posted_to_sendMail_as_the_mailbox_with_bearer_token_recipients_subject_and_HTML_body()
    {
        await using var harness = await SweepHarness.CreateAsync();

        var outcome = await SweepAsync(harness, harness.SweepClock);

        Assert.NotEmpty(outcome.Digests);
        Assert.All(outcome.Digests, d => Assert.True(d.Sent, d.Error));
        var requests = _graph.Requests.ToList();
        Assert.Equal(outcome.Digests.Count, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal($"/v1.0/users/{Mailbox}/sendMail", r.Path);
            Assert.Equal($"Bearer {Token}", r.Authorization);
            Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
        });
        Assert.All(_credential.Scopes, s => Assert.Equal("https://graph.microsoft.com/.default", s));
        var housing = Assert.Single(requests.Select(r => JsonDocument.Parse(r.Body).RootElement), b => Addresses(b, "toRecipients").Contains(HousingHead));
        var message = housing.GetProperty("message");
        Assert.StartsWith("PMF follow-up for Housing", message.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal("HTML", message.GetProperty("body").GetProperty("contentType").GetString());
        Assert.StartsWith("<!DOCTYPE html>", message.GetProperty("body").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("Overdue returns", message.GetProperty("body").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("Priya Shah", message.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("name").GetString());
        Assert.Contains("performance@example.gov.uk", Addresses(housing, "ccRecipients"));
        Assert.False(message.TryGetProperty("from", out _));
        Assert.True(housing.GetProperty("saveToSentItems").GetBoolean());
        Assert.All(await harness.Ingest.QueryAsync<string>("SELECT transport || ' ' || outcome FROM alert_log"), l => Assert.Equal("Graph Sent", l));
    }

    [Fact]
    public async Task An_attachment_goes_as_a_fileAttachment_with_its_name_type_and_bytes()
    {
        var csv = Encoding.UTF8.GetBytes("Indicator,Period,Value\nASH-HOU-01,2026/27 Q2,5\n");
        var body = new BodyBuilder { HtmlBody = "<p>Your report</p>", TextBody = "Your report" };
        body.Attachments.Add("HOU report.csv", csv, new ContentType("text", "csv"));
        var message = new MimeMessage { Subject = "Report", Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse(Mailbox));
        message.To.Add(new MailboxAddress("Priya Shah", HousingHead));
        message.Bcc.Add(MailboxAddress.Parse("archive@ashbyvale-brookmere.gov.uk"));
        var transport = new GraphMailTransport(_http, _credential, Mailbox, Options());

        await transport.SendAsync(message, CancellationToken.None);

        var sent = JsonDocument.Parse(Assert.Single(_graph.Requests).Body).RootElement.GetProperty("message");
        Assert.Equal("<p>Your report</p>", sent.GetProperty("body").GetProperty("content").GetString());
        Assert.Equal(["archive@ashbyvale-brookmere.gov.uk"], Addresses(sent, "bccRecipients"));
        var attachment = Assert.Single(sent.GetProperty("attachments").EnumerateArray());
        Assert.Equal("#microsoft.graph.fileAttachment", attachment.GetProperty("@odata.type").GetString());
        Assert.Equal("HOU report.csv", attachment.GetProperty("name").GetString());
        Assert.Equal("text/csv", attachment.GetProperty("contentType").GetString());
        Assert.Equal(csv, attachment.GetProperty("contentBytes").GetBytesFromBase64());
        Assert.False(attachment.GetProperty("isInline").GetBoolean());
    }

    [Fact]
    public async Task A_429_is_tried_again_after_its_Retry_After_and_the_digest_goes()
    {
        await using var harness = await SweepHarness.CreateAsync();
        var time = new InstantTimeProvider(harness.SweepClock.GetUtcNow());
        _graph.ThenAnswer(429, """{"error":{"code":"ApplicationThrottled","message":"Application is over its MailboxConcurrency limit."}}""", ("Retry-After", "7"));

        var outcome = await SweepAsync(harness, time);

        Assert.All(outcome.Digests, d => Assert.True(d.Sent, d.Error));
        Assert.Equal(outcome.Digests.Count + 1, _graph.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], time.Waits);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_leaves_that_digest_owed_and_the_next_sweep_sends_it()
    {
        await using var harness = await SweepHarness.CreateAsync();
        var time = new InstantTimeProvider(harness.SweepClock.GetUtcNow());
        _graph.ThenAnswer(429, """{"error":{"code":"ApplicationThrottled","message":"Too many requests."}}""", ("Retry-After", "3600"));

        var first = await SweepAsync(harness, time);

        var throttled = Assert.Single(first.Digests, d => !d.Sent);
        Assert.Equal(first.Digests[0], throttled);
        Assert.Equal("Transient failure: Graph sendMail as performance@ashbyvale-brookmere.gov.uk answered 429 Too Many Requests: ApplicationThrottled: Too many requests.", throttled.Error);
        Assert.Empty(time.Waits);
        Assert.Equal(first.Digests.Count, _graph.Requests.Count);

        var next = await SweepAsync(harness, time);

        var again = Assert.Single(next.Digests);
        Assert.Equal(throttled.ServiceCode, again.ServiceCode);
        Assert.Equal(throttled.Items, again.Items);
        Assert.True(again.Sent, again.Error);
    }

    [Fact]
    public async Task A_5xx_is_tried_again_and_a_4xx_is_a_permanent_failure_of_that_digest_alone()
    {
        await using var harness = await SweepHarness.CreateAsync();
        var time = new InstantTimeProvider(harness.SweepClock.GetUtcNow());
        _graph.ThenAnswer(503, """{"error":{"code":"ServiceUnavailable","message":"Try later."}}""");
        _graph.ThenAnswer(202);
        _graph.ThenAnswer(400, """{"error":{"code":"ErrorInvalidRecipients","message":"At least one recipient isn't valid."}}""");

        var outcome = await SweepAsync(harness, time);

        Assert.True(outcome.Digests.Count >= 3, "the sample sweep owes at least three digests");
        Assert.True(outcome.Digests[0].Sent, outcome.Digests[0].Error);
        Assert.Single(time.Waits);
        Assert.Equal(
            $"Permanent failure: Graph sendMail as {Mailbox} answered 400 Bad Request: ErrorInvalidRecipients: At least one recipient isn't valid.",
            outcome.Digests[1].Error);
        Assert.All(outcome.Digests.Skip(2), d => Assert.True(d.Sent, d.Error));
        Assert.Equal(outcome.Digests.Count + 1, _graph.Requests.Count);
        Assert.Equal(1L, await harness.Ingest.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM alert_log WHERE outcome = 'Failed'"));
    }

    private GraphMailOptions Options() => new() { BaseUri = new Uri(_graph.Address, "v1.0") };

    private Task<SweepOutcome> SweepAsync(SweepHarness harness, TimeProvider time)
    {
        var alerts = new AlertOptions { Transport = "graph", Mailbox = Mailbox, From = $"PMF Pipeline <{Mailbox}>", Graph = Options() };
        var transport = MailTransports.Create(alerts, _http, _credential, time);
        var job = new SweepJob(harness.Ingest.Warehouse.Database, transport, time, NullLogger<SweepJob>.Instance, harness.FollowUp, alerts);
        return job.RunAsync(harness.SweepClock.GetUtcNow(), CancellationToken.None);
    }

    private static List<string> Addresses(JsonElement element, string field)
    {
        var message = element.TryGetProperty("message", out var inner) ? inner : element;
        return message.TryGetProperty(field, out var list)
            ? [.. list.EnumerateArray().Select(r => r.GetProperty("emailAddress").GetProperty("address").GetString()!)]
            : [];
    }
}
