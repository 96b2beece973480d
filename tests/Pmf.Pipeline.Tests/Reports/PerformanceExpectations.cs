using Dapper;

namespace Pmf.Pipeline.Tests.Reports;

/// <summary>What the warehouse itself says a report should show, read with SQL of the tests' own.</summary>
public static class PerformanceExpectations
{
    /// <summary>(priority code, RAG word or "Not reported") → count, for one council's indicators at a period end.</summary>
    public static async Task<Dictionary<(string Priority, string Rag), int>> RagCountsAsync(PerformanceWarehouse warehouse, string council, DateOnly end)
    {
        await using var connection = await warehouse.Harness.Warehouse.OpenAsync();
        var reported = await connection.QueryAsync<(string Priority, string Rag, long Count)>("""
            SELECT pr.priority_code, CASE WHEN r.is_nil_return = 1 THEN 'Not reported' ELSE r.rag END, COUNT(*)
            FROM fact_result AS r
            JOIN dim_indicator AS i ON i.indicator_key = r.indicator_key
            JOIN dim_priority AS pr ON pr.priority_key = i.priority_key
            JOIN dim_council AS c ON c.council_key = i.council_key
            JOIN dim_period AS p ON p.period_key = r.period_key
            WHERE r.is_current = 1 AND c.council_code = @Council AND p.end_date = @End
            GROUP BY pr.priority_code, CASE WHEN r.is_nil_return = 1 THEN 'Not reported' ELSE r.rag END
            """, new { Council = council, End = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var missing = await MissingAsync(warehouse, council, end);
        var counts = reported.ToDictionary(r => (r.Priority, r.Rag), r => (int)r.Count);
        foreach (var group in missing.GroupBy(m => m.Priority))
        {
            // A nil return (no value, with a reason) and no return at all are both "Not reported".
            counts[(group.Key, "Not reported")] = counts.GetValueOrDefault((group.Key, "Not reported")) + group.Count();
        }

        return counts;
    }

    /// <summary>Current indicators of the council with a period ending on <paramref name="end"/> and no current result for it.</summary>
    public static async Task<List<(string Priority, string Code)>> MissingAsync(PerformanceWarehouse warehouse, string council, DateOnly end)
    {
        await using var connection = await warehouse.Harness.Warehouse.OpenAsync();
        var frequencies = new List<string> { "Monthly" };
        if (end.Month is 6 or 9 or 12 or 3)
        {
            frequencies.Add("Quarterly");
        }

        if (end.Month == 3)
        {
            frequencies.Add("Annual");
        }

        var rows = await connection.QueryAsync<(string Priority, string Code, string Frequency)>("""
            SELECT pr.priority_code, i.indicator_code, i.frequency
            FROM dim_indicator AS i
            JOIN dim_priority AS pr ON pr.priority_key = i.priority_key
            JOIN dim_council AS c ON c.council_key = i.council_key
            WHERE i.is_current = 1 AND c.council_code = @Council
              AND NOT EXISTS (SELECT 1 FROM fact_result AS r JOIN dim_period AS p ON p.period_key = r.period_key
                              WHERE r.indicator_code = i.indicator_code AND r.is_current = 1 AND p.end_date = @End)
            """, new { Council = council, End = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        return [.. rows.Where(r => frequencies.Contains(r.Frequency)).Select(r => (r.Priority, r.Code))];
    }
}
