using Microsoft.AspNetCore.Http;

namespace Pmf.Pipeline.Web;

/// <summary>A person as the host vouches for them: a name and an e-mail address.</summary>
/// <param name="Name">Their name.</param>
/// <param name="Email">Their e-mail address.</param>
public sealed record WebPerson(string Name, string Email);

/// <summary>
/// Who is asking for a page. Two hosts, two answers: <c>pmf serve</c>'s configured person
/// (<see cref="ConfiguredIdentity"/>) and the Functions app's App Service authentication
/// (<see cref="AppServiceIdentity"/>).
/// </summary>
public interface IWebIdentity
{
    /// <summary>The person, or null when nobody is signed in.</summary>
    WebPerson? Who(HttpContext context);

    /// <summary>What to tell someone nobody vouches for: one sentence saying what to do.</summary>
    string NobodyMessage { get; }
}
