namespace Pmf.Pipeline.Warehouse;

/// <summary>What became of a submission, as <c>submission.verdict</c> records it.</summary>
public enum SubmissionVerdict
{
    /// <summary>Every row loaded, no issue raised.</summary>
    Accepted,

    /// <summary>Loaded, with warnings or with some rows rejected; the issues say which.</summary>
    AcceptedWithWarnings,

    /// <summary>Nothing loaded: the file as a whole could not be accepted. Its issues are kept.</summary>
    Rejected,

    /// <summary>The same bytes were already loaded: nothing changed; the row points at the original.</summary>
    Duplicate,
}
