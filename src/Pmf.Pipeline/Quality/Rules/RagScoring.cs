using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// RAG for a checked row: a quantitative value against the target for its indicator and period,
/// under the indicator version in force for the period. No target, no value, or a qualitative
/// indicator (which carries its own status instead) is <see cref="RagStatus.DataOnly"/>.
/// </summary>
internal static class RagScoring
{
    public static void Apply(RowDraft draft, GateContext context)
    {
        var indicator = draft.Definition!;
        if (indicator.Type == IndicatorType.Qualitative)
        {
            draft.Rag = RagStatus.DataOnly;
            return;
        }

        draft.Target = context.Targets.GetValueOrDefault((indicator.Code, draft.Period!.Key));
        draft.Rag = RagRule.Evaluate(draft.Value, draft.Target?.Value, indicator.Polarity, indicator.Tolerance, draft.Target?.AmberThreshold);
    }
}
