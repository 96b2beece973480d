using System.Globalization;
using System.Text;

namespace Pmf.Bench.GateEval;

/// <summary>
/// <c>Pmf.Bench gate-eval [series folder] [work folder]</c>: the real series through the real gate twice,
/// as published and with <see cref="InjectedError.Draw"/>'s twenty mistakes, and how often each rule
/// spoke: false warnings on published values, and recall on the mistakes.
/// </summary>
internal static class GateEvalReport
{
    public const string DefaultSeries = "../shared/data/public-series";

    public static async Task<(EvaluationRun Clean, EvaluationRun Injected, IReadOnlyList<InjectedError> Errors)> RunAsync(
        LgbfSeries series, string work, bool shared, CancellationToken cancellationToken)
    {
        var errors = InjectedError.Draw(series);
        var clean = await GateEvaluation.IngestAsync(series, [], Path.Combine(work, "clean-" + Guid.NewGuid().ToString("N")), shared, cancellationToken);
        var injected = await GateEvaluation.IngestAsync(series, errors, Path.Combine(work, "injected-" + Guid.NewGuid().ToString("N")), shared, cancellationToken);
        return (clean, injected, errors);
    }

    /// <summary>Injected mistakes the gate raised anything on (an error or a warning).</summary>
    public static int Caught(EvaluationRun injected, IReadOnlyList<InjectedError> errors) => errors.Count(e => injected.On(e.Council, e.Code, e.Year).Count > 0);

    /// <summary>Next-year rows (published, correct) warned by a history rule after a mistake, that were not warned without it.</summary>
    public static int KnockOn(EvaluationRun clean, EvaluationRun injected, IReadOnlyList<InjectedError> errors) => errors.Count(e =>
        injected.On(e.Council, e.Code, e.Year + 1).Any(EvaluationRun.IsHistoryRule) && !clean.On(e.Council, e.Code, e.Year + 1).Any(EvaluationRun.IsHistoryRule));

    public static string Describe(EvaluationRun clean, EvaluationRun injected, IReadOnlyList<InjectedError> errors)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"published values {clean.Values}, loaded {clean.Loaded}, rejected {clean.Rejected}");
        text.AppendLine("rule    rows   % of loaded (published values, no mistakes)");
        foreach (var (rule, rows) in clean.RowsByRule)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{rule}  {rows,6}  {clean.Rate(rows) * 100,6:F2}%");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"any history rule (DQ08x)  {clean.RowsWithHistoryWarning,6}  {clean.Rate(clean.RowsWithHistoryWarning) * 100,6:F2}%");
        text.AppendLine();
        text.AppendLine("injected mistakes:");
        foreach (var error in errors)
        {
            var raised = injected.On(error.Council, error.Code, error.Year);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {(raised.Count > 0 ? "caught" : "MISSED"),-6} {error.Kind,-52} {error.Council,-20} {error.Code,-12} {error.Year}/{(error.Year + 1) % 100:00}  sent {error.Value?.ToString(CultureInfo.InvariantCulture) ?? "(blank)"}  {string.Join(" ", raised.Order(StringComparer.Ordinal))}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"recall {Caught(injected, errors)} of {errors.Count}; knock-on history warnings on the correct value the year after a mistake: {KnockOn(clean, injected, errors)}");
        return text.ToString();
    }
}
