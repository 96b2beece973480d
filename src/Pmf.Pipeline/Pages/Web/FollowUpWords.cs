using System.Globalization;
using Pmf.Pipeline.FollowUp;

namespace Pmf.Pipeline.Pages.Web;

/// <summary>The words of the follow-up and result pages, for a head of service.</summary>
internal static class FollowUpWords
{
    /// <summary>The list's sections, in the order a head of service acts on them, and the kinds each holds.</summary>
    public static IReadOnlyList<(string Title, Func<string, bool> Holds)> Sections { get; } =
    [
        ("Overdue returns and feeds", k => FollowUpKind.Overdue.Contains(k)),
        ("Red and failing indicators", k => FollowUpKind.Failing.Contains(k)),
        ("Data-quality failures", k => k == FollowUpKind.DataQuality),
        ("Other follow-ups", k => !FollowUpKind.All.Contains(k)),
    ];

    public static string Due(DateTime due) => due.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Status(string status) => status switch
    {
        FollowUpStatus.Open => "Open",
        FollowUpStatus.Acknowledged => "Acknowledged",
        FollowUpStatus.Resolved => "Resolved",
        _ => status,
    };

    public static string StatusTag(string status) => status switch
    {
        FollowUpStatus.Open => "tag bad",
        FollowUpStatus.Acknowledged => "tag warn",
        _ => "tag good",
    };

    public static string Action(FollowUpEvent e) => e.Action switch
    {
        "Raised" => "Raised",
        "Escalated" => $"Escalated: {EscalationLevel.Describe(e.Level)}",
        "Acknowledged" => "Acknowledged",
        "Resolved" => "Resolved",
        "Reopened" => "Reopened: the condition came back",
        _ => e.Action,
    };

    /// <summary>"The daily check"; "Priya Shah (priya.shah@…)" when the change was made on the pages; else the name given.</summary>
    public static string Who(FollowUpEvent e) => e.Actor is null or "sweep" ? "The daily check" : Person(e.Actor, e.ActorEmail);

    /// <summary>A person's name with their address in brackets, when the address is known and is not the name itself.</summary>
    public static string Person(string name, string? email) =>
        email is null || string.Equals(name, email, StringComparison.OrdinalIgnoreCase) ? name : $"{name} ({email})";

    public static string NotYoursToResolve(FollowUpRecord f) =>
        $"{FollowUpKind.Describe(f.Kind)} is resolved by the pipeline when the data arrives (or by the performance team when it is no longer needed), not by hand here. Acknowledge it with a note of what you are doing instead.";
}
