namespace Pmf.Pipeline.Catalogue;

/// <summary>How much a problem found in a catalogue matters.</summary>
public enum ProblemSeverity
{
    /// <summary>The catalogue cannot be loaded until it is fixed.</summary>
    Error,

    /// <summary>A harmless oddity: the catalogue loads, but someone should look.</summary>
    Warning,
}
