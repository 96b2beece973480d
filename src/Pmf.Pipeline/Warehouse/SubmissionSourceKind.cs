namespace Pmf.Pipeline.Warehouse;

/// <summary>How a submission reached the pipeline, as <c>submission.source_kind</c> records it.</summary>
public enum SubmissionSourceKind
{
    /// <summary>A workbook or CSV a service dropped into <c>returns/&lt;service&gt;/</c>.</summary>
    Return,

    /// <summary>Values pulled from a service system by a source connector.</summary>
    Pull,
}
