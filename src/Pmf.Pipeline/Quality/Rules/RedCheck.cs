using Pmf.Pipeline.Scoring;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ060 Red without commentary and DQ061 Red two periods running without remedial action. Both
/// are Warnings, not Errors, although FORMATS.md requires the words: rejecting a real Red result
/// for want of commentary would keep bad news out of the warehouse and off the committee's report,
/// which is worse than a result without its explanation. The value loads flagged, and the flag
/// becomes a follow-up to the head of service for the missing words.
/// </summary>
internal static class RedCheck
{
    public static void Apply(RowDraft draft, ResultSeries series)
    {
        if (draft.Rag != RagStatus.Red)
        {
            return;
        }

        var against = draft.Target is { } target ? $" against a target of {Decimals.Show(target.Value)}" : string.Empty;
        if (draft.Commentary is null)
        {
            draft.Raise(QualityRules.RedWithoutCommentary, ReturnColumns.Commentary, draft.Row.Commentary,
                $"{draft.Subject} is Red ({Decimals.Show(draft.Value!.Value)}{against}) and has no commentary. It has been loaded; add commentary saying why, and what is being done, in a corrected file or your next return.");
        }

        if (draft.RemedialAction is null && series.At(draft.Code!, draft.Period!.Previous()) is { Rag: RagStatus.Red } previous)
        {
            draft.Raise(QualityRules.RedTwiceWithoutAction, ReturnColumns.RemedialAction, draft.Row.RemedialAction,
                $"{draft.Subject} is Red for the second period running ({previous.Where} was Red too) and no remedial action is given. Say in Remedial action what is being done to bring it back on target.");
        }
    }
}
