namespace Pmf.Pipeline.Quality;

/// <summary>What the gate decided about a whole return.</summary>
public enum GateVerdict
{
    /// <summary>Every row loads and nothing was flagged.</summary>
    Accepted,

    /// <summary>
    /// Something loads, and the report has findings to act on: warnings on loaded rows, or rows
    /// rejected by an Error while the rest of the file loads.
    /// </summary>
    AcceptedWithWarnings,

    /// <summary>Nothing loads: nothing valid in the file, or a structural issue (e.g. a required column missing).</summary>
    Rejected,
}
