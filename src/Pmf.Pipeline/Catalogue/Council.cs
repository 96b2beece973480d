namespace Pmf.Pipeline.Catalogue;

/// <summary>A council in the framework. One catalogue may hold several that share services.</summary>
public sealed record Council(string Code, string Name);
