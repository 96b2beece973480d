namespace Pmf.Pipeline.Publication;

/// <summary>Where a council's reporting period stands: each step needs the one before it.</summary>
public enum PublicationStage
{
    /// <summary>No step taken: reports of it say DRAFT; open data and Power BI's published view leave it out.</summary>
    Draft,

    /// <summary>Reviewed, e.g. by Scrutiny or a service committee.</summary>
    Reviewed,

    /// <summary>Approved, e.g. by Cabinet or Strategy and Resources: reports no longer say DRAFT.</summary>
    Approved,

    /// <summary>Published: every result of the period is open data; a later correction is a restatement.</summary>
    Published,
}
