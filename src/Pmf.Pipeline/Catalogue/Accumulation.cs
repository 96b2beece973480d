namespace Pmf.Pipeline.Catalogue;

/// <summary>How an indicator's value builds up through the financial year (the Indicators sheet's <c>Accumulates</c> column).</summary>
public enum Accumulation
{
    /// <summary>Each period stands alone (the default): calls answered in the quarter.</summary>
    PerPeriod,

    /// <summary>Each period's value is the year so far: business rates collected by the end of September.</summary>
    YearToDate,

    /// <summary>A position on the period's last day: households in temporary accommodation.</summary>
    Snapshot,
}
