namespace Pmf.Bench.GateEval;

/// <summary>
/// Feeds the real LGBF series through the real ingest, as councils would have sent them: into one
/// <see cref="LgbfWarehouse"/>, every financial year's published values 21 days after it ended.
/// </summary>
internal static class GateEvaluation
{
    /// <summary>Ingests <paramref name="series"/>, with <paramref name="injected"/> in place of the published rows they name.</summary>
    public static async Task<EvaluationRun> IngestAsync(LgbfSeries series, IReadOnlyList<InjectedError> injected, string folder, bool shared, CancellationToken cancellationToken)
    {
        var warehouse = await LgbfWarehouse.CreateAsync(series, folder, shared, cancellationToken);
        var replaced = injected.ToDictionary(e => (e.Council, e.Code, e.Year));
        var run = new EvaluationRun();
        foreach (var year in series.Years)
        {
            var rows = series.Values.Where(v => v.Year == year).Select(v => replaced.TryGetValue((v.Council, v.Code, v.Year), out var error)
                ? new SentRow(v.Council, v.Code, error.Value, error.Numerator, error.Denominator)
                : new SentRow(v.Council, v.Code, v.Value, v.Numerator, v.Denominator)).ToList();

            // 21 days after the financial year ended, as in real use.
            var outcomes = await warehouse.SendAsync(year, rows, new DateTimeOffset(year + 1, 4, 21, 9, 0, 0, TimeSpan.Zero), cancellationToken);
            run.Count(rows.Count, outcomes);
        }

        foreach (var (row, ruleId) in await warehouse.IssuesAsync(cancellationToken))
        {
            run.Raise(row, ruleId);
        }

        return run;
    }
}
