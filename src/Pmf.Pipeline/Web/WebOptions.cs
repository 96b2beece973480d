using System.Net;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Web;

/// <summary>The pages (section <c>Pmf:Web</c>): where <c>pmf serve</c> listens, who is using it, who is the performance team.</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pmf:Web";

    /// <summary>The default address: this machine only.</summary>
    public const string DefaultListen = "http://127.0.0.1:5080";

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

    /// <summary>The first problem with these settings as one sentence, or null when they are usable.</summary>
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
