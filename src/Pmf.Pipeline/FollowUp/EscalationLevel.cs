namespace Pmf.Pipeline.FollowUp;

/// <summary>Who a follow-up has reached, stored in <c>follow_up.escalation_level</c>.</summary>
public static class EscalationLevel
{
    /// <summary>Not yet due: a reminder to the head of service.</summary>
    public const int Reminder = 0;

    /// <summary>Overdue or failing: the head of service.</summary>
    public const int HeadOfService = 1;

    /// <summary>The director is copied.</summary>
    public const int Director = 2;

    /// <summary>The performance team is copied too.</summary>
    public const int PerformanceTeam = 3;

    /// <summary>A word for people.</summary>
    public static string Describe(int level) => level switch
    {
        Reminder => "reminder",
        HeadOfService => "head of service",
        Director => "director copied",
        _ => "performance team copied",
    };
}
