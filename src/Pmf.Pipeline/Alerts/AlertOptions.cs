using System.Globalization;
using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>How digests are addressed and sent; bound from <c>Pmf:Alerts</c>.</summary>
public sealed class AlertOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pmf:Alerts";

    /// <summary>Writes each message as an .eml file in <see cref="OutboxFolder"/> (the embedded default).</summary>
    public const string Outbox = "Outbox";

    /// <summary>Sends each message over SMTP with MailKit (<see cref="Smtp"/>).</summary>
    public const string SmtpTransport = "Smtp";

    /// <summary><see cref="Outbox"/> or <see cref="SmtpTransport"/>.</summary>
    public string Transport { get; set; } = Outbox;

    /// <summary>The folder .eml files are written to; relative paths are from the current folder.</summary>
    public string OutboxFolder { get; set; } = "outbox";

    /// <summary>The address digests come from.</summary>
    public string From { get; set; } = "PMF Pipeline <performance@example.gov.uk>";

    /// <summary>The policy and performance team, copied on follow-ups at the last escalation level.</summary>
    public string PerformanceTeam { get; set; } = "performance@example.gov.uk";

    /// <summary>Days an unchanged item is not mailed again; an escalation or a resolution goes out at once.</summary>
    public int CoolDownDays { get; set; } = 7;

    /// <summary>The SMTP server, when <see cref="Transport"/> is <see cref="SmtpTransport"/>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The first problem with these settings, or null when they are usable.</summary>
    public string? Validate()
    {
        if (!string.Equals(Transport, Outbox, StringComparison.OrdinalIgnoreCase) && !string.Equals(Transport, SmtpTransport, StringComparison.OrdinalIgnoreCase))
        {
            return $"{Section}:Transport is '{Transport}'; set it to {Outbox} or {SmtpTransport}.";
        }

        if (!MailboxAddress.TryParse(From, out _))
        {
            return $"{Section}:From '{From}' is not an e-mail address; use e.g. \"PMF Pipeline <performance@council.gov.uk>\".";
        }

        if (!MailboxAddress.TryParse(PerformanceTeam, out _))
        {
            return $"{Section}:PerformanceTeam '{PerformanceTeam}' is not an e-mail address.";
        }

        if (CoolDownDays is < 0 or > 365)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Section}:CoolDownDays is {CoolDownDays}; set it to a whole number of days from 0 to 365.");
        }

        if (IsSmtp && string.IsNullOrWhiteSpace(Smtp.Host))
        {
            return $"{Section}:Smtp:Host is empty; name the SMTP server, or set {Section}:Transport to {Outbox}.";
        }

        return IsSmtp && Smtp.Port is < 1 or > 65535
            ? string.Create(CultureInfo.InvariantCulture, $"{Section}:Smtp:Port is {Smtp.Port}; set it to a port from 1 to 65535.")
            : null;
    }

    /// <summary>True when messages go over SMTP.</summary>
    public bool IsSmtp => string.Equals(Transport, SmtpTransport, StringComparison.OrdinalIgnoreCase);
}
