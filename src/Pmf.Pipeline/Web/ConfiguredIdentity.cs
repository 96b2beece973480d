using Microsoft.AspNetCore.Http;

namespace Pmf.Pipeline.Web;

/// <summary>
/// <c>pmf serve</c>'s person: <c>Pmf:Web:Identity:Name</c> and <c>Email</c>, for one machine. Whatever a request
/// carries (an <c>X-MS-CLIENT-PRINCIPAL</c> header included) is ignored: only App Service can vouch for that.
/// </summary>
public sealed class ConfiguredIdentity(WebIdentityOptions options) : IWebIdentity
{
    /// <inheritdoc />
    public string NobodyMessage =>
        $"Nobody is set up to use this pmf serve's pages. Set {WebOptions.Section}:Identity:Email (and Name) to the e-mail address of the person using this machine, then start pmf serve again.";

    /// <inheritdoc />
    public WebPerson? Who(HttpContext context) =>
        options.IsConfigured
            ? new WebPerson(string.IsNullOrWhiteSpace(options.Name) ? options.Email!.Trim() : options.Name.Trim(), options.Email!.Trim())
            : null;
}
