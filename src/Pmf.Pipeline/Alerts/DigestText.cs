using System.Text;

namespace Pmf.Pipeline.Alerts;

/// <summary>The plain-text body of a digest. User text is kept to one line per item so it cannot forge lines.</summary>
internal static class DigestText
{
    /// <summary>The heading of indicators worse three periods running, whatever their RAG.</summary>
    public const string WorseningTitle = "Getting worse (three periods running)";

    /// <summary>The heading of overdue delivery-plan milestones.</summary>
    public const string MilestonesTitle = "Delivery-plan milestones overdue";

    public static string Render(Digest d)
    {
        var text = new StringBuilder();
        text.AppendLine(DigestWords.OneLine(DigestWords.Heading(d))).AppendLine();
        Section(text, d, "Overdue returns", d.Overdue, DigestWords.Overdue);
        Section(text, d, "Returns due soon", d.DueSoon, DigestWords.DueSoon);
        Section(text, d, "Data-quality failures", d.DataQuality, DigestWords.DataQuality);
        Section(text, d, "Failing indicators", d.Failing, i => DigestWords.Failing(i) + Commentary(i));
        Section(text, d, WorseningTitle, d.Worsening, i => DigestWords.Failing(i) + Commentary(i));
        Section(text, d, MilestonesTitle, d.Milestones, DigestWords.Milestone);
        Section(text, d, "Resolved since the last digest", d.Resolved, DigestWords.Resolved);
        text.AppendLine(DigestWords.FooterOf(d));
        return text.ToString();
    }

    private static void Section(StringBuilder text, Digest d, string title, IEnumerable<DigestItem> items, Func<DigestItem, string> line)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine(title).AppendLine(new string('-', title.Length));
        foreach (var item in list)
        {
            text.Append("- [").Append(item.FollowUpId).Append("] ").Append(DigestWords.OneLine(DigestWords.Indicator(item)))
                .Append(": ").AppendLine(DigestWords.OneLine(line(item)));
            if (d.FollowUpLink(item) is { } followUp)
            {
                text.Append("  ").Append(DigestWords.OpenFollowUp(item)).Append(": ").AppendLine(followUp);
            }

            if (d.ResultLink(item) is { } result)
            {
                text.Append("  ").Append(DigestWords.OpenResult).Append(": ").AppendLine(result);
            }
        }

        text.AppendLine();
    }

    private static string Commentary(DigestItem i) =>
        (string.IsNullOrWhiteSpace(i.Commentary) ? "" : $"; commentary: {i.Commentary}")
        + (string.IsNullOrWhiteSpace(i.RemedialAction) ? "" : $"; remedial action: {i.RemedialAction}");
}
