namespace Pmf.Pipeline.FollowUp;

/// <summary>Where a follow-up stands; the warehouse stores the constant's text in <c>follow_up.status</c>.</summary>
public static class FollowUpStatus
{
    /// <summary>Raised and not yet acted on.</summary>
    public const string Open = "Open";

    /// <summary>Someone has said they are acting on it; it still escalates and resolves as the data says.</summary>
    public const string Acknowledged = "Acknowledged";

    /// <summary>The condition cleared (resolved by the sweep) or a person closed it.</summary>
    public const string Resolved = "Resolved";
}
