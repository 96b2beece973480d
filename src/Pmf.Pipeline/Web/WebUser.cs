namespace Pmf.Pipeline.Web;

/// <summary>What a person is to a service in the catalogue, in the words of the Services sheet.</summary>
public enum ServiceRole
{
    /// <summary>Not named for the service: sees it as one of the performance team.</summary>
    PerformanceTeam = -1,

    /// <summary>Named in <c>Return contacts</c>: sends the service's returns.</summary>
    ReturnContact,

    /// <summary>The service's director.</summary>
    Director,

    /// <summary>The service's head of service: follow-ups go to them.</summary>
    HeadOfService,
}

/// <summary>A service a person may see and change, and why.</summary>
/// <param name="Code">The service's code, e.g. HOU.</param>
/// <param name="Name">The service's name.</param>
/// <param name="Role">Their strongest part in it.</param>
public sealed record WebService(string Code, string Name, ServiceRole Role);

/// <summary>
/// The person using a page, as the host vouches for them (<see cref="IWebIdentity"/>) with the scope the
/// catalogue and the settings give them: the performance team sees every service; anyone else the services
/// whose head of service, director or return contact they are.
/// </summary>
/// <param name="Name">Their name, for the header and the audit.</param>
/// <param name="Email">Their e-mail address (as the host gave it).</param>
/// <param name="IsPerformanceTeam">Whether they are in <c>Pmf:Web:PerformanceTeam</c>.</param>
/// <param name="Services">The services they may see, in code order: for the performance team, every one.</param>
public sealed record WebUser(string Name, string Email, bool IsPerformanceTeam, IReadOnlyList<WebService> Services)
{
    /// <summary>Whether they may see and change <paramref name="serviceCode"/>'s pages: the one scope check.</summary>
    public bool CanSee(string serviceCode) =>
        IsPerformanceTeam || Services.Any(s => string.Equals(s.Code, serviceCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether they head or direct any service (their follow-ups come to them).</summary>
    public bool LeadsAService => Services.Any(s => s.Role is ServiceRole.HeadOfService or ServiceRole.Director);
}
