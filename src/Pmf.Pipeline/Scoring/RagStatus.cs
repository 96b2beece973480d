namespace Pmf.Pipeline.Scoring;

/// <summary>Red/amber/green status of a result against its target.</summary>
public enum RagStatus
{
    /// <summary>No target, no polarity or no value: the result is reported but not judged.</summary>
    DataOnly,

    /// <summary>On or better than target.</summary>
    Green,

    /// <summary>Worse than target but within tolerance.</summary>
    Amber,

    /// <summary>Beyond tolerance.</summary>
    Red,
}
