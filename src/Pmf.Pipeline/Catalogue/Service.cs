namespace Pmf.Pipeline.Catalogue;

/// <summary>A service that owns indicators and sends returns; its head answers for their data.</summary>
public sealed record Service(
    string Code,
    string Name,
    string HeadOfService,
    string HeadOfServiceEmail,
    string? Director,
    string? DirectorEmail);
