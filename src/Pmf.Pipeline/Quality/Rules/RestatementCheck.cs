using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ090: a row for a period its council has published that changes the published value or status
/// is a restatement, and a restatement needs a reason: the row's Commentary, which the restatement
/// record and the next report carry. Without one the row is rejected (an Error), so a published
/// figure never changes unexplained; the sender is told what to add.
/// </summary>
internal static class RestatementCheck
{
    public static void Apply(RowDraft draft, GateContext context, ResultSeries series)
    {
        if (draft.HasError || draft.Commentary is not null
            || series.Stored(draft.Code!, draft.Period!) is not { } published
            || !context.IsPublished(draft.Definition!.CouncilCode, draft.Period!)
            || !Differs(draft, published))
        {
            return;
        }

        var was = Show(published.Value, published.Status);
        var now = Show(draft.Value, draft.Status);
        draft.Raise(QualityRules.RestatementWithoutReason, ReturnColumns.Commentary, draft.Row.Commentary,
            $"{draft.Subject} has been published as {was} and this row changes it to {now}, so it was not loaded: say in Commentary why the published figure is wrong (the reason is shown with the restatement in the next report) and send the file again.");
    }

    private static bool Differs(RowDraft draft, HistoricResult published)
    {
        if (!string.Equals(draft.Status ?? string.Empty, published.Status ?? string.Empty, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return (draft.Value, published.Value) switch
        {
            (null, null) => false,
            ({ } now, { } was) when published.ValueIsExact => now != was,

            // SQLite read the stored value back to 15 significant digits: equal within that.
            ({ } now, { } was) => Math.Abs(now - was) > Math.Max(Math.Abs(was), 1m) * 1e-13m,
            _ => true,
        };
    }

    private static string Show(decimal? value, string? status) =>
        value is { } v ? Decimals.Show(v) : status is { } s ? $"'{s}'" : "no value";
}
