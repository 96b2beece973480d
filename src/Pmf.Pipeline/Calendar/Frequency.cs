namespace Pmf.Pipeline.Calendar;

/// <summary>How often an indicator is reported.</summary>
public enum Frequency
{
    /// <summary>Twelve periods a financial year, M01 (April) to M12 (March).</summary>
    Monthly,

    /// <summary>Four periods a financial year, Q1 (April–June) to Q4 (January–March).</summary>
    Quarterly,

    /// <summary>One period a financial year, 1 April to 31 March.</summary>
    Annual,
}
