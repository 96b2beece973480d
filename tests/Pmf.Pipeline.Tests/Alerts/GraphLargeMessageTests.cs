using System.Text.Json;
using MimeKit;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Tests.PowerBi;

namespace Pmf.Pipeline.Tests.Alerts;

/// <summary>
/// A message over Graph's 4 MB request limit (a sender's report with a big CSV) goes as a draft, its big
/// attachments by upload session in chunks, then send; against the Kestrel stand-in for Graph.
/// </summary>
public sealed class GraphLargeMessageTests : IAsyncLifetime
{
    private const string Mailbox = "performance@ashbyvale-brookmere.gov.uk";
    private const string Token = "graph-test-token";
    private const int MiB = 1024 * 1024;

    private PowerBiStandIn _graph = null!;
    private GraphDrafts _drafts = null!;
    private readonly HttpClient _http = new();

    private string Messages => $"/v1.0/users/{Mailbox}/messages";

    private string Draft => $"{Messages}/{GraphDrafts.DraftId}";

    public async Task InitializeAsync()
    {
        _graph = await PowerBiStandIn.StartAsync();
        _drafts = new GraphDrafts(_graph.Address);
        _graph.Otherwise = _drafts.HandleAsync;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task A_6_MB_report_goes_as_a_draft_then_an_upload_session_in_chunks_then_send()
    {
        var csv = Bytes(6 * MiB);
        var message = Message(("HOU report.csv", csv), ("notes.txt", Bytes(1000)));

        await Transport().SendAsync(message, CancellationToken.None);

        var requests = _graph.Requests.ToList();
        Assert.Equal(
            [$"POST {Messages}", $"POST {Draft}/attachments/createUploadSession", "PUT /upload/1", "PUT /upload/1", $"POST {Draft}/send"],
            requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.DoesNotContain(requests, r => r.Path.EndsWith("/sendMail", StringComparison.Ordinal));
        Assert.All(requests.Where(r => r.Method == "PUT"), r => Assert.Equal("", r.Authorization));
        Assert.All(requests.Where(r => r.Method != "PUT"), r => Assert.Equal($"Bearer {Token}", r.Authorization));
        AssertChunks(requests, csv.Length, [0, 3_276_800]);
        var draft = JsonDocument.Parse(requests[0].Body).RootElement;
        Assert.Equal("Your report", draft.GetProperty("subject").GetString());
        Assert.Equal("priya.shah@ashbyvale-brookmere.gov.uk", draft.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.Equal("notes.txt", Assert.Single(draft.GetProperty("attachments").EnumerateArray()).GetProperty("name").GetString());
        var upload = Assert.Single(_drafts.Uploads);
        Assert.Equal("file", upload.Item.GetProperty("attachmentType").GetString());
        Assert.Equal("HOU report.csv", upload.Item.GetProperty("name").GetString());
        Assert.Equal(csv.Length, upload.Item.GetProperty("size").GetInt32());
        Assert.Equal("text/csv", upload.Item.GetProperty("contentType").GetString());
        Assert.Equal(csv, upload.Bytes);
    }

    [Fact]
    public async Task A_small_message_still_goes_as_one_sendMail()
    {
        var csv = Bytes(100_000);

        await Transport().SendAsync(Message(("HOU report.csv", csv)), CancellationToken.None);

        var request = Assert.Single(_graph.Requests);
        Assert.Equal(("POST", $"/v1.0/users/{Mailbox}/sendMail"), (request.Method, request.Path));
        var attachment = JsonDocument.Parse(request.Body).RootElement.GetProperty("message").GetProperty("attachments")[0];
        Assert.Equal(csv, attachment.GetProperty("contentBytes").GetBytesFromBase64());
    }

    [Fact]
    public async Task Small_attachments_too_big_together_go_partly_by_upload_session_so_the_draft_stays_under_4_MB()
    {
        var parts = new[] { ("a.csv", Bytes(1_500_000, 1)), ("b.csv", Bytes(1_500_000, 2)), ("c.csv", Bytes(1_500_000, 3)) };

        await Transport().SendAsync(Message(parts), CancellationToken.None);

        var draft = _graph.Requests.First();
        Assert.True(draft.Bytes.Length <= 4 * MiB, $"the draft is {draft.Bytes.Length} bytes");
        var carried = JsonDocument.Parse(draft.Body).RootElement.GetProperty("attachments").EnumerateArray()
            .Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("contentBytes").GetBytesFromBase64()));
        var uploaded = _drafts.Uploads.Select(u => (u.Item.GetProperty("name").GetString()!, u.Bytes));
        var arrived = carried.Concat(uploaded).OrderBy(p => p.Item1).ToList();
        Assert.Equal(parts.Select(p => p.Item1), arrived.Select(p => p.Item1));
        Assert.All(parts.Zip(arrived), p => Assert.Equal(p.First.Item2, p.Second.Item2));
        Assert.Single(_drafts.Uploads);
        Assert.EndsWith("/send", _graph.Requests.Last().Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_on_a_chunk_is_a_transient_failure_with_its_Retry_After_and_the_draft_is_deleted()
    {
        _drafts.Fail("PUT", "/upload/1", 429, """{"error":{"code":"ApplicationThrottled","message":"Too many requests."}}""", ("Retry-After", "7"));

        var error = await Assert.ThrowsAsync<MailSendException>(() => Transport().SendAsync(Message(("HOU report.csv", Bytes(6 * MiB))), CancellationToken.None));

        Assert.True(error.Transient);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(
            $"Graph uploading attachment 'HOU report.csv' bytes 0-3276799 of 6291456 as {Mailbox} answered 429 Too Many Requests: ApplicationThrottled: Too many requests.",
            error.Message);
        Assert.Equal(
            [$"POST {Messages}", $"POST {Draft}/attachments/createUploadSession", "PUT /upload/1", $"DELETE {Draft}"],
            _graph.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal($"Bearer {Token}", _graph.Requests.Last().Authorization);
    }

    [Fact]
    public async Task A_400_on_createUploadSession_is_a_permanent_failure_naming_the_step_and_the_draft_is_deleted()
    {
        _drafts.Fail("POST", "/createUploadSession", 400, """{"error":{"code":"ErrorInvalidRequest","message":"The attachment name is not valid."}}""");

        var error = await Assert.ThrowsAsync<MailSendException>(() => Transport().SendAsync(Message(("HOU report.csv", Bytes(6 * MiB))), CancellationToken.None));

        Assert.False(error.Transient);
        Assert.Equal(
            $"Graph creating an upload session for attachment 'HOU report.csv' (6291456 bytes) as {Mailbox} answered 400 Bad Request: ErrorInvalidRequest: The attachment name is not valid.",
            error.Message);
        Assert.Equal(
            [$"POST {Messages}", $"POST {Draft}/attachments/createUploadSession", $"DELETE {Draft}"],
            _graph.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task A_chunk_answered_with_an_earlier_nextExpectedRanges_is_sent_again_from_there()
    {
        _drafts.RewindTo = 1_000_000;
        var csv = Bytes(6 * MiB);

        await Transport().SendAsync(Message(("HOU report.csv", csv)), CancellationToken.None);

        AssertChunks(_graph.Requests.ToList(), csv.Length, [0, 1_000_000, 4_276_800]);
        Assert.Equal(csv, Assert.Single(_drafts.Uploads).Bytes);
        Assert.EndsWith("/send", _graph.Requests.Last().Path, StringComparison.Ordinal);
    }

    private static void AssertChunks(List<RecordedRequest> requests, int total, long[] starts)
    {
        var puts = requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(starts, puts.Select(p => long.Parse(p.ContentRange.Split(' ', '-')[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(puts, p =>
        {
            var start = long.Parse(p.ContentRange.Split(' ', '-')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(p.Bytes.Length, 1, 4 * MiB);
            Assert.Equal(p.Bytes.Length, p.ContentLength);
            Assert.Equal($"bytes {start}-{start + p.Bytes.Length - 1}/{total}", p.ContentRange);
        });
    }

    private GraphMailTransport Transport() =>
        new(_http, new FixedTokenCredential(Token), Mailbox, new GraphMailOptions { BaseUri = new Uri(_graph.Address, "v1.0") });

    private static MimeMessage Message(params (string Name, byte[] Bytes)[] attachments)
    {
        var body = new BodyBuilder { HtmlBody = "<p>Your report</p>", TextBody = "Your report" };
        foreach (var (name, bytes) in attachments)
        {
            body.Attachments.Add(name, bytes, name.EndsWith(".csv", StringComparison.Ordinal) ? new ContentType("text", "csv") : new ContentType("text", "plain"));
        }

        var message = new MimeMessage { Subject = "Your report", Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse(Mailbox));
        message.To.Add(new MailboxAddress("Priya Shah", "priya.shah@ashbyvale-brookmere.gov.uk"));
        return message;
    }

    private static byte[] Bytes(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
