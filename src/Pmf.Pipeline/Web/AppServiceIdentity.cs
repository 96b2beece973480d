using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Web;

/// <summary>
/// The Functions app's person: App Service authentication (Entra ID) signs them in and hands the app their
/// claims in <c>X-MS-CLIENT-PRINCIPAL</c>, base64 JSON. App Service strips the header from what a browser
/// sends, so it is trusted only behind App Service, never in <c>pmf serve</c>.
/// </summary>
public sealed class AppServiceIdentity : IWebIdentity
{
    /// <summary>The header App Service sets.</summary>
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    // Where Entra ID's claims put the e-mail address, most specific first (App Service maps some to the long names).
    private static readonly string[] EmailClaims =
    [
        "preferred_username",
        "email",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    ];

    private static readonly string[] NameClaims = ["name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"];

    /// <inheritdoc />
    public string NobodyMessage =>
        "Nobody is signed in. Sign in with your council account; if this page keeps appearing, ask your performance team to turn on App Service authentication for the app.";

    /// <inheritdoc />
    public WebPerson? Who(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Read(context.Request.Headers[Header].ToString());
    }

    /// <summary>The person in a header's value, or null when it is absent, unreadable or names no e-mail address.</summary>
    public static WebPerson? Read(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        Principal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<Principal>(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }

        var claims = principal?.Claims ?? [];
        string? First(IEnumerable<string> types) => types
            .Select(t => claims.FirstOrDefault(c => string.Equals(c.Type, t, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(c.Value))?.Value?.Trim())
            .FirstOrDefault(v => v is not null);

        if (First(EmailClaims) is not { } email || !EmailAddress.IsValid(email))
        {
            return null;
        }

        var nameTypes = principal?.NameType is { Length: > 0 } nameType ? NameClaims.Append(nameType) : NameClaims;
        return new WebPerson(First(nameTypes) ?? email, email);
    }

    private sealed record Principal(
        [property: JsonPropertyName("claims")] IReadOnlyList<Claim>? Claims,
        [property: JsonPropertyName("name_typ")] string? NameType);

    private sealed record Claim([property: JsonPropertyName("typ")] string? Type, [property: JsonPropertyName("val")] string? Value);
}
