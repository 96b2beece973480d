namespace Pmf.Pipeline.Alerts;

/// <summary>An SMTP server (section <c>Pmf:Alerts:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name.</summary>
    public string Host { get; set; } = "";

    /// <summary>The server's port (587 for submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS before sending (required by the server when true).</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>The login, or empty to send without authenticating.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The password for <see cref="UserName"/>; keep it in an environment variable or a secret store, never in pmf.json.</summary>
    public string Password { get; set; } = "";
}
