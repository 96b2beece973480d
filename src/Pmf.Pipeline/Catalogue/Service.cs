namespace Pmf.Pipeline.Catalogue;

/// <summary>A service that owns indicators and sends returns; its head answers for their data.</summary>
public sealed record Service(
    string Code,
    string Name,
    string HeadOfService,
    string HeadOfServiceEmail,
    string? Director,
    string? DirectorEmail)
{
    /// <summary>
    /// The Services sheet's optional <c>Return contacts</c>: the people who send the service's returns, who may
    /// see and change its pages as its head of service and director may.
    /// </summary>
    public IReadOnlyList<string> ReturnContacts { get; init; } = [];
}
