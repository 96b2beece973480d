namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// A council-plan priority (or theme), and optionally one of its strategic objectives. A priority
/// with several objectives appears once per objective.
/// </summary>
public sealed record Priority(string CouncilCode, string Code, string Name, string? ObjectiveCode, string? ObjectiveName);
