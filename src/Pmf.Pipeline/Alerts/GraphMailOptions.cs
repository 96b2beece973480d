namespace Pmf.Pipeline.Alerts;

/// <summary>Microsoft Graph for the <see cref="MailTransportKind.Graph"/> transport (section <c>Pmf:Alerts:Graph</c>).</summary>
public sealed class GraphMailOptions
{
    /// <summary>The Entra scope of Microsoft Graph for an app-only token.</summary>
    public const string DefaultScope = "https://graph.microsoft.com/.default";

    /// <summary>Graph's address, version included. Default <c>https://graph.microsoft.com/v1.0</c>; a national cloud or a test stand-in changes it.</summary>
    public Uri BaseUri { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>The scope the token is asked for. Default <see cref="DefaultScope"/>.</summary>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>Keep a copy of each digest in the mailbox's Sent Items. Default true. A message over 4 MB, sent from a draft, is always kept.</summary>
    public bool SaveToSentItems { get; set; } = true;
}
