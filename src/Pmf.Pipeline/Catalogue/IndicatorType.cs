namespace Pmf.Pipeline.Catalogue;

/// <summary>Whether an indicator reports a number or a self-assessed status.</summary>
public enum IndicatorType
{
    /// <summary>A number, judged against a target.</summary>
    Quantitative,

    /// <summary>A status (On track, At risk, …) with commentary, judged by the service.</summary>
    Qualitative,
}
