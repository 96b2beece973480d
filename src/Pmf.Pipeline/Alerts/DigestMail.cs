using System.Globalization;
using MimeKit;
using Pmf.Pipeline.FollowUp;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// A digest as an e-mail: to the head of service, the director copied from escalation level 2, the
/// performance team from level 3; a plain-text and an HTML alternative. Every piece of text that a
/// person typed (names, commentary, codes) is escaped in HTML and kept to one line in headers.
/// </summary>
public static class DigestMail
{
    /// <summary>Builds the message; null when the head of service has no usable address.</summary>
    /// <param name="digest">The digest.</param>
    /// <param name="options">The sender and the performance team's address.</param>
    public static DigestMessage? Create(Digest digest, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(options);
        if (Mailbox(digest.HeadOfService, digest.HeadOfServiceEmail) is not { } head)
        {
            return null;
        }

        var message = new MimeMessage { Subject = Subject(digest), Date = digest.AsOf };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(head);
        if (digest.Level >= EscalationLevel.Director && Mailbox(digest.Director, digest.DirectorEmail) is { } director)
        {
            message.Cc.Add(director);
        }

        if (digest.Level >= EscalationLevel.PerformanceTeam && Mailbox(null, options.PerformanceTeam) is { } team)
        {
            message.Cc.Add(team);
        }

        message.Body = new BodyBuilder { TextBody = DigestText.Render(digest), HtmlBody = DigestHtml.Render(digest) }.ToMessageBody();
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new DigestMessage(digest.ServiceCode, message, recipients, [.. digest.Items.Select(i => i.FollowUpId)]);
    }

    /// <summary>One line: "PMF follow-up for Housing: 2 overdue, 1 failing, 1 resolved".</summary>
    public static string Subject(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var parts = new List<string>();
        Add(digest.Overdue.Count(), "overdue");
        Add(digest.DueSoon.Count(), "due soon");
        Add(digest.DataQuality.Count(), "data quality");
        Add(digest.Failing.Select(i => i.IndicatorCode).Distinct(StringComparer.Ordinal).Count(), "failing");
        Add(digest.Worsening.Select(i => i.IndicatorCode).Distinct(StringComparer.Ordinal).Count(), "getting worse");
        Add(digest.Resolved.Count(), "resolved");
        return SafeText.OneLine($"PMF follow-up for {digest.ServiceName}: {string.Join(", ", parts)}");

        void Add(int count, string what)
        {
            if (count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {what}"));
            }
        }
    }

    private static MailboxAddress? Mailbox(string? name, string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.AsSpan().IndexOfAny("\r\n") >= 0
            || !MailboxAddress.TryParse(address.Trim(), out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            mailbox.Name = SafeText.OneLine(name);
        }

        return mailbox;
    }
}
