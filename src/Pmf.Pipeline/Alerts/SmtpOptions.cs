namespace Pmf.Pipeline.Alerts;

/// <summary>An SMTP server (section <c>Pmf:Alerts:Smtp</c>), for the <c>Smtp</c> and <c>SmtpOAuth</c> transports.</summary>
public sealed class SmtpOptions
{
    /// <summary>Exchange Online's SMTP submission host, used by <c>SmtpOAuth</c> when <see cref="Host"/> is empty.</summary>
    public const string ExchangeOnlineHost = "smtp.office365.com";

    /// <summary>The Entra scope of an app-only token for SMTP submission to Exchange Online.</summary>
    public const string ExchangeOnlineScope = "https://outlook.office365.com/.default";

    /// <summary>The server's host name; for <c>SmtpOAuth</c> empty means <see cref="ExchangeOnlineHost"/>.</summary>
    public string Host { get; set; } = "";

    /// <summary>The server's port (587 for submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS before sending (required by the server when true).</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>The login, or empty to send without authenticating (<c>Smtp</c> only; <c>SmtpOAuth</c> logs in as the mailbox).</summary>
    public string UserName { get; set; } = "";

    /// <summary>The password for <see cref="UserName"/>; keep it in an environment variable or a secret store, never in pmf.json. <c>SmtpOAuth</c> takes none.</summary>
    public string Password { get; set; } = "";

    /// <summary>The scope <c>SmtpOAuth</c> asks Azure.Identity for. Default <see cref="ExchangeOnlineScope"/>.</summary>
    public string OAuthScope { get; set; } = ExchangeOnlineScope;
}
