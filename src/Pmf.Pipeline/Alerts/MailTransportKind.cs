namespace Pmf.Pipeline.Alerts;

/// <summary>The ways a digest can leave (setting <c>Pmf:Alerts:Transport</c>).</summary>
public enum MailTransportKind
{
    /// <summary>An .eml file in a folder; the default when nothing is configured.</summary>
    Outbox,

    /// <summary>Any SMTP server, with an optional login and STARTTLS.</summary>
    Smtp,

    /// <summary>SMTP to Exchange Online with SASL XOAUTH2 and a token from Azure.Identity: no password.</summary>
    SmtpOAuth,

    /// <summary>Microsoft Graph <c>sendMail</c> as a mailbox, with a token from Azure.Identity: no password.</summary>
    Graph,
}
