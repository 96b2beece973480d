using System.Text.Json;
using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// A MimeMessage as Graph's JSON, for <c>sendMail</c> or for a draft: subject, the HTML body (or the text
/// one), To, Cc, Bcc and Reply-To, and every other part as a <c>fileAttachment</c> (inline ones keep their
/// Content-Id). The sender is the mailbox in the request's path, so no <c>from</c> is sent.
/// </summary>
internal static class GraphMessage
{
    /// <summary>Graph refuses a request over 4 MB; a bigger message goes as a draft with upload sessions (<see cref="GraphLargeMessage"/>).</summary>
    public const int MaxRequestBytes = 4 * 1024 * 1024;

    /// <summary>An attachment this big or bigger goes by upload session: as base64 it would fill a request on its own.</summary>
    public const int LargeAttachmentBytes = 3 * 1024 * 1024;

    /// <summary>The most Graph takes in one attachment, even by upload session.</summary>
    public const long MaxAttachmentBytes = 150L * 1024 * 1024;

    /// <summary>The body of <c>sendMail</c>: the message with every attachment, and whether to keep it in Sent Items.</summary>
    public static byte[] SendMail(MimeMessage message, IReadOnlyList<GraphAttachment> attachments, bool saveToSentItems) =>
        Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("message");
            Message(json, message, attachments);
            json.WriteEndObject();
            json.WriteBoolean("saveToSentItems", saveToSentItems);
            json.WriteEndObject();
        });

    /// <summary>The body that creates a draft: the message with only <paramref name="attachments"/>.</summary>
    public static byte[] Draft(MimeMessage message, IReadOnlyList<GraphAttachment> attachments) =>
        Write(json =>
        {
            json.WriteStartObject();
            Message(json, message, attachments);
            json.WriteEndObject();
        });

    /// <summary>Every part that is not the text or HTML body, decoded, in the message's order.</summary>
    public static IReadOnlyList<GraphAttachment> Attachments(MimeMessage message, CancellationToken cancellationToken)
    {
        var attachments = new List<GraphAttachment>();
        var index = 0;
        foreach (var part in message.BodyParts.Where(p => p is not TextPart { IsAttachment: false }))
        {
            index++;
            using var content = new MemoryStream();
            string name;
            string type;
            if (part is MessagePart attached)
            {
                attached.Message?.WriteTo(content, cancellationToken);
                name = attached.ContentDisposition?.FileName ?? $"message-{index}.eml";
                type = "message/rfc822";
            }
            else if (part is MimePart mime)
            {
                mime.Content?.DecodeTo(content, cancellationToken);
                name = mime.FileName ?? $"attachment-{index}";
                type = mime.ContentType.MimeType;
            }
            else
            {
                continue;
            }

            var contentId = string.IsNullOrEmpty(part.ContentId) ? null : part.ContentId;
            attachments.Add(new GraphAttachment(name, type, content.ToArray(), !part.IsAttachment, contentId));
        }

        return attachments;
    }

    /// <summary>A JSON request body, written by <paramref name="write"/>.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return buffer.ToArray();
    }

    private static void Message(Utf8JsonWriter json, MimeMessage message, IReadOnlyList<GraphAttachment> attachments)
    {
        json.WriteString("subject", message.Subject ?? "");
        json.WriteStartObject("body");
        var html = message.HtmlBody;
        json.WriteString("contentType", html is null ? "Text" : "HTML");
        json.WriteString("content", html ?? message.TextBody ?? "");
        json.WriteEndObject();
        Recipients(json, "toRecipients", message.To);
        Recipients(json, "ccRecipients", message.Cc);
        Recipients(json, "bccRecipients", message.Bcc);
        Recipients(json, "replyTo", message.ReplyTo);
        if (attachments.Count == 0)
        {
            return;
        }

        json.WriteStartArray("attachments");
        foreach (var attachment in attachments)
        {
            json.WriteStartObject();
            json.WriteString("@odata.type", "#microsoft.graph.fileAttachment");
            json.WriteString("name", attachment.Name);
            json.WriteString("contentType", attachment.ContentType);
            json.WriteBase64String("contentBytes", attachment.Bytes.Span);
            json.WriteBoolean("isInline", attachment.IsInline);
            if (attachment.ContentId is not null)
            {
                json.WriteString("contentId", attachment.ContentId);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Recipients(Utf8JsonWriter json, string name, InternetAddressList list)
    {
        var mailboxes = list.Mailboxes.ToList();
        if (mailboxes.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var mailbox in mailboxes)
        {
            json.WriteStartObject();
            json.WriteStartObject("emailAddress");
            json.WriteString("address", mailbox.Address);
            if (!string.IsNullOrEmpty(mailbox.Name))
            {
                json.WriteString("name", mailbox.Name);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
