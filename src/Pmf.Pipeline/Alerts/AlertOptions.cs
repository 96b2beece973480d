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

    /// <summary>Sends each message over SMTP with MailKit (<see cref="Smtp"/>), with an optional password login.</summary>
    public const string SmtpTransport = "Smtp";

    /// <summary>Sends over SMTP to Exchange Online as <see cref="Mailbox"/> with SASL XOAUTH2; also written <c>smtp-oauth</c>.</summary>
    public const string SmtpOAuthTransport = "SmtpOAuth";

    /// <summary>Sends with Microsoft Graph <c>sendMail</c> as <see cref="Mailbox"/>.</summary>
    public const string GraphTransport = "Graph";

    /// <summary><see cref="Outbox"/> (also when empty), <see cref="SmtpTransport"/>, <see cref="SmtpOAuthTransport"/> (or <c>smtp-oauth</c>) or <see cref="GraphTransport"/>; any case.</summary>
    public string Transport { get; set; } = Outbox;

    /// <summary>The folder .eml files are written to; relative paths are from the current folder.</summary>
    public string OutboxFolder { get; set; } = "outbox";

    /// <summary>The address digests come from; for <c>SmtpOAuth</c> and <c>Graph</c> its address must be <see cref="Mailbox"/>.</summary>
    public string From { get; set; } = "PMF Pipeline <performance@example.gov.uk>";

    /// <summary>The policy and performance team, copied on follow-ups at the last escalation level.</summary>
    public string PerformanceTeam { get; set; } = "performance@example.gov.uk";

    /// <summary>Days an unchanged item is not mailed again; an escalation or a resolution goes out at once.</summary>
    public int CoolDownDays { get; set; } = 7;

    /// <summary>
    /// The mailbox (a shared mailbox, usually) that <c>SmtpOAuth</c> and <c>Graph</c> send as. The app's identity
    /// must be allowed to send as this mailbox and no other (docs/deploy.md).
    /// </summary>
    public string Mailbox { get; set; } = "";

    /// <summary>Tries after a transient failure (SMTP 4xx, Graph 429 or 5xx, a dropped connection) before the digest waits for the next sweep. Default 3.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The first wait before a retry when the server names none; it doubles each time. Default 2 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest Retry-After honoured; a server asking for longer gets the digest at the next sweep instead. Default 2 minutes.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The SMTP server, when <see cref="Transport"/> is <see cref="SmtpTransport"/> or <see cref="SmtpOAuthTransport"/>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Microsoft Graph, when <see cref="Transport"/> is <see cref="GraphTransport"/>.</summary>
    public GraphMailOptions Graph { get; set; } = new();

    /// <summary>The transport <see cref="Transport"/> names (empty is the outbox), or null when it names none.</summary>
    public MailTransportKind? Kind => (Transport ?? "").Trim().ToUpperInvariant() switch
    {
        "" or "OUTBOX" => MailTransportKind.Outbox,
        "SMTP" => MailTransportKind.Smtp,
        "SMTPOAUTH" or "SMTP-OAUTH" => MailTransportKind.SmtpOAuth,
        "GRAPH" => MailTransportKind.Graph,
        _ => null,
    };

    /// <summary>The first problem with these settings, or null when they are usable.</summary>
    public string? Validate()
    {
        if (Kind is not { } kind)
        {
            return $"{Section}:Transport is '{Transport}'; set it to {Outbox}, {SmtpTransport}, {SmtpOAuthTransport} or {GraphTransport}.";
        }

        if (!MailboxAddress.TryParse(From, out var from))
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

        if (Retries is < 0 or > 10)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Section}:Retries is {Retries}; set it to a whole number from 0 (no retry) to 10.");
        }

        if (RetryDelay <= TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(5) || MaxRetryAfter < TimeSpan.Zero || MaxRetryAfter > TimeSpan.FromMinutes(30))
        {
            return $"{Section}:RetryDelay must be a positive duration up to 00:05:00 and MaxRetryAfter one from 00:00:00 to 00:30:00 (e.g. 00:00:02 and 00:02:00).";
        }

        return kind switch
        {
            MailTransportKind.Smtp => ValidateSmtp(),
            MailTransportKind.SmtpOAuth => ValidateMailbox(from) ?? ValidateSmtpOAuth(),
            MailTransportKind.Graph => ValidateMailbox(from) ?? ValidateGraph(),
            _ => null,
        };
    }

    private string? ValidateSmtp()
    {
        if (string.IsNullOrWhiteSpace(Smtp.Host))
        {
            return $"{Section}:Smtp:Host is empty; name the SMTP server, or set {Section}:Transport to {Outbox}.";
        }

        return ValidatePort();
    }

    private string? ValidateSmtpOAuth()
    {
        if (!string.IsNullOrEmpty(Smtp.Password))
        {
            return $"{Section}:Smtp:Password is set, but {SmtpOAuthTransport} signs in with a token from the app's identity; remove the password.";
        }

        if (string.IsNullOrWhiteSpace(Smtp.OAuthScope))
        {
            return $"{Section}:Smtp:OAuthScope is empty; leave it unset for Exchange Online ({SmtpOptions.ExchangeOnlineScope}).";
        }

        return ValidatePort();
    }

    private string? ValidateGraph()
    {
        if (Graph.BaseUri is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"{Section}:Graph:BaseUri must be an absolute http(s) address; leave it unset for https://graph.microsoft.com/v1.0.";
        }

        return string.IsNullOrWhiteSpace(Graph.Scope)
            ? $"{Section}:Graph:Scope is empty; leave it unset for {GraphMailOptions.DefaultScope}."
            : null;
    }

    private string? ValidateMailbox(MailboxAddress from)
    {
        if (string.IsNullOrWhiteSpace(Mailbox) || !MailboxAddress.TryParse(Mailbox.Trim(), out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
        {
            return $"{Section}:Mailbox is '{Mailbox}'; set it to the address of the mailbox digests are sent as (e.g. performance@council.gov.uk), which the app's identity may send as.";
        }

        return string.Equals(from.Address, mailbox.Address, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{Section}:From '{From}' is not the mailbox {Transport} sends as; set {Section}:From to \"PMF Pipeline <{mailbox.Address}>\".";
    }

    private string? ValidatePort() =>
        Smtp.Port is < 1 or > 65535
            ? string.Create(CultureInfo.InvariantCulture, $"{Section}:Smtp:Port is {Smtp.Port}; set it to a port from 1 to 65535.")
            : null;
}
