using System.Net;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Web;

/// <summary>
/// The web pages' settings (section <c>Pmf:Web</c>), the one class that binds it: the address people reach the pages at,
/// for links in mail (every host reads it); where <c>pmf serve</c> listens, who is using it, who is the performance team.
/// </summary>
public sealed class WebOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pmf:Web";

    /// <summary>The default address: this machine only.</summary>
    public const string DefaultListen = "http://127.0.0.1:5080";

    /// <summary>
    /// The address people reach the pages at, e.g. <c>https://pmf.council.gov.uk/</c> (the Functions app's or
    /// <c>pmf serve</c>'s public address), for links in mail. Unset: mail carries no links and tells people the command instead.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Whether <c>pmf serve</c> serves the pages at all (default true; <c>pmf serve --no-web</c> sets false).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The address <c>pmf serve</c> listens on: http on a loopback address (127.0.0.1, ::1 or localhost) and a
    /// port (0 takes any free one). Never another machine's reach: the person is configured, not signed in.
    /// </summary>
    public string Listen { get; set; } = DefaultListen;

    /// <summary>The one person using <c>pmf serve</c>'s pages on this machine.</summary>
    public WebIdentityOptions Identity { get; set; } = new();

    /// <summary>
    /// The performance team's e-mail addresses, separated by <c>;</c>: they see every service, the board and
    /// the publication steps.
    /// </summary>
    public string? PerformanceTeam { get; set; }

    /// <summary>The performance team's addresses, one each.</summary>
    public IReadOnlyList<string> PerformanceTeamEmails => EmailList.Split(PerformanceTeam);

    /// <summary>The address to listen on; call after <see cref="Validate"/>.</summary>
    public IPEndPoint Endpoint
    {
        get
        {
            var uri = new Uri(Listen.Trim());
            var address = uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _) ? IPAddress.Loopback : IPAddress.Parse(uri.Host.Trim('[', ']'));
            return new IPEndPoint(address, uri.Port);
        }
    }

    /// <summary>The first problem with <see cref="PublicUrl"/>, which every host reads, or null when it is usable or unset.</summary>
    public string? ValidateLinks() =>
        string.IsNullOrWhiteSpace(PublicUrl)
        || (Uri.TryCreate(PublicUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment))
            ? null
            : $"{Section}:PublicUrl is '{PublicUrl}', which is not a web address; set it to the address people open the pages at, e.g. https://pmf.council.gov.uk/, or leave it out.";

    /// <summary>The first problem with the pages' own settings (listening, the person, the team) as one sentence, or null when they are usable.</summary>
    public string? Validate()
    {
        if (!Uri.TryCreate(Listen?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/" || uri.Port < 0)
        {
            return $"{Section}:Listen is '{Listen}'; set it to an address on this machine such as {DefaultListen}.";
        }

        if (!uri.IsLoopback)
        {
            return $"{Section}:Listen is '{Listen}', which other machines can reach; pmf serve's pages are for this machine only (the person is configured, not signed in), so use 127.0.0.1, and the Functions app for everyone else.";
        }

        if (PerformanceTeamEmails.FirstOrDefault(e => !EmailAddress.IsValid(e)) is { } bad)
        {
            return $"{Section}:PerformanceTeam holds '{bad}', which is not an e-mail address; list addresses such as performance@anytown.gov.uk.";
        }

        return Identity.Validate();
    }
}

/// <summary>The one person using <c>pmf serve</c>'s pages (section <c>Pmf:Web:Identity</c>); for one machine only.</summary>
public sealed class WebIdentityOptions
{
    /// <summary>Their name, shown in the header and the audit.</summary>
    public string? Name { get; set; }

    /// <summary>Their e-mail address: the catalogue's services and the performance team are matched on it.</summary>
    public string? Email { get; set; }

    /// <summary>Whether someone is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Email);

    /// <summary>The first problem as one sentence, or null.</summary>
    public string? Validate() =>
        Email is { Length: > 0 } email && !EmailAddress.IsValid(email.Trim())
            ? $"{WebOptions.Section}:Identity:Email is '{email}', which is not an e-mail address; set the address of the person using this machine."
            : null;
}
