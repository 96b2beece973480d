using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// A message too big for one <c>sendMail</c> request, sent Graph's way for big attachments: create a draft
/// (<c>POST …/messages</c>) carrying the small attachments, upload each other one by upload session
/// (<see cref="GraphUploadSession"/>), then <c>POST …/messages/{id}/send</c>. When a step after the draft
/// fails, the draft is deleted so that retries do not pile drafts up in the mailbox. Graph keeps a sent
/// draft in Sent Items whatever <see cref="GraphMailOptions.SaveToSentItems"/> says.
/// </summary>
internal sealed class GraphLargeMessage(HttpClient http, string token, string mailboxUri, string mailbox, TimeProvider time)
{
    /// <summary>Sends <paramref name="message"/>, whose decoded parts are <paramref name="attachments"/>.</summary>
    /// <exception cref="MailSendException">A step failed; says which, and whether another try may succeed.</exception>
    public async Task SendAsync(MimeMessage message, IReadOnlyList<GraphAttachment> attachments, CancellationToken cancellationToken)
    {
        var (draft, uploads) = Split(message, attachments);
        var id = await CreateDraftAsync(draft, cancellationToken);
        var messageUri = $"{mailboxUri}/messages/{Uri.EscapeDataString(id)}";
        try
        {
            foreach (var attachment in uploads)
            {
                var session = new GraphUploadSession(http, token, messageUri, mailbox, time);
                await session.UploadAsync(attachment, cancellationToken);
            }

            using var send = GraphCall.Request(HttpMethod.Post, $"{messageUri}/send", token);
            using var sent = await GraphCall.SendAsync(http, send, $"sending the draft as {mailbox}", time, cancellationToken);
        }
        catch
        {
            await DeleteDraftAsync(messageUri);
            throw;
        }
    }

    // The draft carries the attachments under 3 MB while the request stays under 4 MB; the biggest of them go by upload session until it does.
    private static (byte[] Draft, List<GraphAttachment> Uploads) Split(MimeMessage message, IReadOnlyList<GraphAttachment> attachments)
    {
        if (attachments.FirstOrDefault(a => a.Bytes.Length > GraphMessage.MaxAttachmentBytes) is { } huge)
        {
            throw new MailSendException(
                $"Attachment '{huge.Name}' is {huge.Bytes.Length / (1024 * 1024)} MB; Graph takes at most {GraphMessage.MaxAttachmentBytes / (1024 * 1024)} MB in one attachment.",
                transient: false);
        }

        var carried = attachments.Where(a => a.Bytes.Length < GraphMessage.LargeAttachmentBytes).ToList();
        var uploads = attachments.Where(a => a.Bytes.Length >= GraphMessage.LargeAttachmentBytes).ToList();
        var draft = GraphMessage.Draft(message, carried);
        while (draft.Length > GraphMessage.MaxRequestBytes && carried.Any(a => a.Bytes.Length > 0))
        {
            var biggest = carried.MaxBy(a => a.Bytes.Length)!;
            carried.Remove(biggest);
            uploads.Add(biggest);
            draft = GraphMessage.Draft(message, carried);
        }

        if (draft.Length > GraphMessage.MaxRequestBytes)
        {
            throw new MailSendException(
                $"The message without its attachments is {draft.Length / 1024} KB as a Graph draft; Graph takes at most {GraphMessage.MaxRequestBytes / 1024} KB in a request.",
                transient: false);
        }

        return (draft, uploads);
    }

    private async Task<string> CreateDraftAsync(byte[] draft, CancellationToken cancellationToken)
    {
        var step = $"creating a draft as {mailbox}";
        using var request = GraphCall.Request(HttpMethod.Post, $"{mailboxUri}/messages", token, draft);
        using var response = await GraphCall.SendAsync(http, request, step, time, cancellationToken);
        return await GraphCall.ReadAsync(response, "id", "the draft's id", step, id => id.Length > 0 ? id : null, cancellationToken);
    }

    // Best effort: the failure that brought us here is what the caller needs to see, so this one's own failure is dropped.
    private async Task DeleteDraftAsync(string messageUri)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            using var request = GraphCall.Request(HttpMethod.Delete, messageUri, token);
            using var response = await http.SendAsync(request, limit.Token);
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
        {
            // Left for the mailbox's owner; the next try makes a new draft either way.
        }
    }
}
