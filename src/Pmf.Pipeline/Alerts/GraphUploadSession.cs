using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// One attachment uploaded to a draft the way Graph takes big ones: <c>POST …/attachments/createUploadSession</c>
/// gives an upload URL, then the bytes go in <c>PUT</c>s of at most <see cref="ChunkBytes"/>, each with its
/// Content-Range. The URL carries its own token, so the PUTs carry no Authorization header. Graph answers
/// 200 with <c>nextExpectedRanges</c> until the last chunk, which it answers 201 Created; a chunk it asks
/// for again (a range starting earlier than we got to) is sent again.
/// </summary>
internal sealed class GraphUploadSession(HttpClient http, string token, string messageUri, string mailbox, TimeProvider time)
{
    /// <summary>A chunk: Graph wants multiples of 320 KiB and at most 4 MiB; this is ten of them.</summary>
    public const int ChunkBytes = 10 * 320 * 1024;

    /// <summary>Uploads <paramref name="attachment"/>.</summary>
    /// <exception cref="MailSendException">A request failed; names the step and the bytes.</exception>
    public async Task UploadAsync(GraphAttachment attachment, CancellationToken cancellationToken)
    {
        var uploadUri = await CreateAsync(attachment, cancellationToken);
        var total = attachment.Bytes.Length;
        // A server that keeps asking for the same bytes would otherwise keep us here for ever.
        var tries = 3 * ((total / ChunkBytes) + 1);
        var start = 0;
        for (var put = 0; put < tries; put++)
        {
            var length = Math.Min(ChunkBytes, total - start);
            var step = $"uploading attachment '{attachment.Name}' bytes {start}-{start + length - 1} of {total} as {mailbox}";
            using var request = new HttpRequestMessage(HttpMethod.Put, uploadUri) { Content = new ReadOnlyMemoryContent(attachment.Bytes.Slice(start, length)) };
            request.Content.Headers.ContentLength = length;
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(start, start + length - 1, total);
            using var response = await GraphCall.SendAsync(http, request, step, time, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var next = NextStart(text);
            if (next is null && start + length == total)
            {
                return;
            }

            if (next is not { } from || from < 0 || from >= total)
            {
                throw new MailSendException($"Graph {step} answered {(int)response.StatusCode} asking for no range it can take: {GraphCall.Clip(text)}", transient: false);
            }

            start = (int)from;
        }

        throw new MailSendException($"Graph kept asking for attachment '{attachment.Name}' again after {tries} uploads as {mailbox}.", transient: true);
    }

    private async Task<Uri> CreateAsync(GraphAttachment attachment, CancellationToken cancellationToken)
    {
        var step = $"creating an upload session for attachment '{attachment.Name}' ({attachment.Bytes.Length} bytes) as {mailbox}";
        using var request = GraphCall.Request(HttpMethod.Post, $"{messageUri}/attachments/createUploadSession", token, Item(attachment));
        using var response = await GraphCall.SendAsync(http, request, step, time, cancellationToken);
        return await GraphCall.ReadAsync(
            response, "uploadUrl", "an uploadUrl", step, url => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null, cancellationToken);
    }

    private static byte[] Item(GraphAttachment attachment) =>
        GraphMessage.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("AttachmentItem");
            json.WriteString("attachmentType", "file");
            json.WriteString("name", attachment.Name);
            json.WriteNumber("size", attachment.Bytes.Length);
            json.WriteString("contentType", attachment.ContentType);
            if (attachment.IsInline)
            {
                json.WriteBoolean("isInline", true);
                if (attachment.ContentId is not null)
                {
                    json.WriteString("contentId", attachment.ContentId);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        });

    // nextExpectedRanges is ["start-end", "start-"...]: the earliest start is where to go on from.
    private static long? NextStart(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (!document.RootElement.TryGetProperty("nextExpectedRanges", out var ranges) || ranges.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            long? earliest = null;
            foreach (var range in ranges.EnumerateArray())
            {
                var from = range.ValueKind == JsonValueKind.String ? range.GetString()!.Split('-')[0] : "";
                if (!long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
                {
                    return -1;
                }

                earliest = earliest is null ? start : Math.Min(earliest.Value, start);
            }

            return earliest;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
