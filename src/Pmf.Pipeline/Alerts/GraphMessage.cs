using System.Text.Json;
using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// A MimeMessage as the JSON body of Graph's <c>sendMail</c>: subject, the HTML body (or the text one),
/// To, Cc, Bcc and Reply-To, and every other part as a <c>fileAttachment</c> (inline ones keep their
/// Content-Id). The sender is the mailbox in the request's path, so no <c>from</c> is sent.
/// </summary>
internal static class GraphMessage
{
    /// <summary>Graph refuses a <c>sendMail</c> request over 4 MB; a bigger message needs an upload session.</summary>
    public const int MaxRequestBytes = 4 * 1024 * 1024;

    public static byte[] Json(MimeMessage message, bool saveToSentItems, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("message");
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
            Attachments(json, message, cancellationToken);
            json.WriteEndObject();
            json.WriteBoolean("saveToSentItems", saveToSentItems);
            json.WriteEndObject();
        }

        if (buffer.Length > MaxRequestBytes)
        {
            throw new MailSendException(
                $"The message is {buffer.Length / 1024} KB as a Graph sendMail request; Graph takes at most {MaxRequestBytes / 1024} KB.", transient: false);
        }

        return buffer.ToArray();
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

    private static void Attachments(Utf8JsonWriter json, MimeMessage message, CancellationToken cancellationToken)
    {
        var parts = message.BodyParts.Where(p => p is not TextPart { IsAttachment: false }).ToList();
        if (parts.Count == 0)
        {
            return;
        }

        json.WriteStartArray("attachments");
        var index = 0;
        foreach (var part in parts)
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

            json.WriteStartObject();
            json.WriteString("@odata.type", "#microsoft.graph.fileAttachment");
            json.WriteString("name", name);
            json.WriteString("contentType", type);
            json.WriteBase64String("contentBytes", content.GetBuffer().AsSpan(0, (int)content.Length));
            json.WriteBoolean("isInline", !part.IsAttachment);
            if (!string.IsNullOrEmpty(part.ContentId))
            {
                json.WriteString("contentId", part.ContentId);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
