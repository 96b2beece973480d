using System.Text.RegularExpressions;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// A row marked as a case study for the annual review (a title in the Case study column; the story in
/// Commentary): DQ085 no story, DQ086 an email address or phone number in it (not kept: case studies are
/// published), DQ087 too short (kept, flagged). None of them holds back the row's figure.
/// </summary>
internal static partial class CaseStudyCheck
{
    /// <summary>Stories shorter than this are flagged.</summary>
    public const int ShortestStory = 100;

    public static void Apply(RowDraft draft)
    {
        var cell = draft.Row.CaseStudy;
        if (CellText.Meaningful(cell) is not { } title)
        {
            return;
        }

        if (draft.Commentary is not { } story)
        {
            draft.Raise(QualityRules.CaseStudyWithoutStory, ReturnColumns.CaseStudy, cell,
                $"The case study '{QuantityCheck.Quote(title)}' for {draft.Subject} has no story: write it in Commentary and send the row again. The figure has been loaded.");
            return;
        }

        if (ContactDetails().IsMatch(story))
        {
            draft.Raise(QualityRules.CaseStudyContactDetails, ReturnColumns.Commentary, draft.Row.Commentary,
                $"The case study '{QuantityCheck.Quote(title)}' for {draft.Subject} holds an email address or phone number, and case studies are published: "
                + "it has not been kept. Remove the details (say 'a resident', not who) and send the row again. The figure has been loaded.");
            return;
        }

        if (story.Length < ShortestStory)
        {
            draft.Raise(QualityRules.CaseStudyTooShort, ReturnColumns.Commentary, draft.Row.Commentary,
                $"The case study '{QuantityCheck.Quote(title)}' for {draft.Subject} is {story.Length} characters: it has been kept, but say what changed for residents and for whom in a few sentences.");
        }

        draft.CaseStudyTitle = title;
    }

    // An email address, or a UK phone number (01…/02…/07…, or +44), with or without spaces.
    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[A-Za-z]{2,}|(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ContactDetails();
}
