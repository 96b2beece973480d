using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pmf.Pipeline.Tests.PowerBi;

namespace Pmf.Pipeline.Tests.Alerts;

/// <summary>
/// What the Graph stand-in does for a big message, as <see cref="PowerBiStandIn.Otherwise"/>: creates draft
/// <see cref="DraftId"/>, opens an upload session per attachment at <c>/upload/{n}</c>, puts each PUT's bytes
/// where its Content-Range says (a PUT not starting where it expects gets 416), answers 200 with
/// nextExpectedRanges until the last byte and then 201, sends (202) and deletes (204) the draft.
/// Anything else (sendMail) gets 202.
/// </summary>
public sealed class GraphDrafts(Uri address)
{
    public const string DraftId = "AAMkAD-draft=1";

    private readonly ConcurrentQueue<(string Method, string PathEnd, int Status, string Body, (string, string)? Header)> _faults = new();
    private readonly List<Upload> _uploads = [];

    /// <summary>The first uploaded chunk is answered as if only this many bytes had arrived.</summary>
    public int? RewindTo { get; set; }

    /// <summary>Each upload session's attachment item, and the bytes put together from its chunks.</summary>
    public IReadOnlyList<Upload> Uploads => _uploads;

    /// <summary>The next request with this method whose path ends so gets this answer instead.</summary>
    public void Fail(string method, string pathEnd, int status, string body, (string Name, string Value)? header = null) =>
        _faults.Enqueue((method, pathEnd, status, body, header));

    public async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        var path = request.Path;
        if (_faults.TryPeek(out var fault) && request.Method == fault.Method && path.EndsWith(fault.PathEnd, StringComparison.Ordinal))
        {
            _faults.TryDequeue(out _);
            if (fault.Header is var (name, value))
            {
                context.Response.Headers[name] = value;
            }

            await AnswerAsync(context, fault.Status, fault.Body);
        }
        else if (request.Method == "POST" && path.EndsWith("/messages", StringComparison.Ordinal))
        {
            await AnswerAsync(context, 201, JsonSerializer.Serialize(new { id = DraftId, isDraft = true }));
        }
        else if (request.Method == "POST" && path.EndsWith("/attachments/createUploadSession", StringComparison.Ordinal))
        {
            var item = JsonDocument.Parse(request.Body).RootElement.GetProperty("AttachmentItem").Clone();
            _uploads.Add(new Upload(item, new byte[item.GetProperty("size").GetInt32()]));
            var url = new Uri(address, $"upload/{_uploads.Count}?authtoken=session-token");
            await AnswerAsync(context, 201, JsonSerializer.Serialize(new { uploadUrl = url, nextExpectedRanges = new[] { "0-" } }));
        }
        else if (request.Method == "PUT" && path.StartsWith("/upload/", StringComparison.Ordinal))
        {
            await ChunkAsync(context, request, _uploads[int.Parse(path["/upload/".Length..], CultureInfo.InvariantCulture) - 1]);
        }
        else
        {
            context.Response.StatusCode = request.Method == "DELETE" ? 204 : 202;
        }
    }

    private async Task ChunkAsync(HttpContext context, RecordedRequest request, Upload upload)
    {
        var range = request.ContentRange["bytes ".Length..].Split('-', '/');
        var start = int.Parse(range[0], CultureInfo.InvariantCulture);
        if (start != upload.Received)
        {
            await AnswerAsync(context, 416, JsonSerializer.Serialize(new { error = new { code = "InvalidRange", message = $"Expected {upload.Received}-" } }));
            return;
        }

        request.Bytes.CopyTo(upload.Bytes, start);
        upload.Received = start + request.Bytes.Length;
        if (upload.Received == upload.Bytes.Length)
        {
            await AnswerAsync(context, 201, "{}");
            return;
        }

        if (RewindTo is { } rewind)
        {
            RewindTo = null;
            Array.Clear(upload.Bytes, rewind, upload.Received - rewind);
            upload.Received = rewind;
        }

        await AnswerAsync(context, 200, JsonSerializer.Serialize(new { nextExpectedRanges = new[] { $"{upload.Received}-" } }));
    }

    private static async Task AnswerAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    public sealed class Upload(JsonElement item, byte[] bytes)
    {
        public JsonElement Item { get; } = item;

        public byte[] Bytes { get; } = bytes;

        public int Received { get; set; }
    }
}
