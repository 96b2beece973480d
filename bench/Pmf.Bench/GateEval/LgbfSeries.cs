using System.Globalization;
using System.Text;
using ExcelDataReader;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Bench.GateEval;

/// <summary>One LGBF indicator as the evaluation's catalogue gives it to every council.</summary>
/// <param name="Code">The LGBF code, e.g. <c>C&amp;L01</c>.</param>
/// <param name="Title">The indicator's title: the same measure for every council.</param>
/// <param name="Unit">The unit the catalogue gives it.</param>
/// <param name="LowerIsBetter">LGBF ranks it ascending.</param>
/// <param name="Multiplier">Value = numerator ÷ denominator × this, or null when the published values do not follow their numerators and denominators (they are then left out).</param>
internal sealed record LgbfIndicator(string Code, string Title, Unit Unit, bool LowerIsBetter, decimal? Multiplier);

/// <summary>One published value: a council's indicator in one financial year (a multi-year aggregate is dated by its last year).</summary>
internal sealed record LgbfValue(string Council, string Code, int Year, decimal Value, decimal? Numerator, decimal? Denominator);

/// <summary>
/// The shared LGBF series (<c>../shared/data/public-series</c>, see its README): 24 Scottish councils'
/// published values with numerators and denominators, and the indicators' definitions.
/// </summary>
internal sealed class LgbfSeries
{
    private LgbfSeries(IReadOnlyList<LgbfIndicator> indicators, IReadOnlyList<LgbfValue> values)
    {
        Indicators = indicators;
        Values = values;
    }

    public IReadOnlyList<LgbfIndicator> Indicators { get; }

    /// <summary>Every published value, by council, indicator and year.</summary>
    public IReadOnlyList<LgbfValue> Values { get; }

    public IEnumerable<string> Councils => Values.Select(v => v.Council).Distinct().Order(StringComparer.Ordinal);

    public IEnumerable<int> Years => Values.Select(v => v.Year).Distinct().Order();

    /// <summary>Reads <c>lgbf-24-councils.csv</c> and <c>lgbf-indicators.csv</c> from <paramref name="folder"/>; <paramref name="councils"/> keeps only those (null: all).</summary>
    public static LgbfSeries Read(string folder, IReadOnlySet<string>? councils = null)
    {
        var definitions = ReadCsv(Path.Combine(folder, "lgbf-indicators.csv")).ToDictionary(r => r["Code"], StringComparer.Ordinal);
        var raw = new List<(string Council, string Code, int Year, decimal Value, decimal? Numerator, decimal? Denominator)>();
        var seen = new HashSet<(string, string, int)>();
        foreach (var row in ReadCsv(Path.Combine(folder, "lgbf-24-councils.csv")))
        {
            if (!definitions.ContainsKey(row["IndicatorCode"]) || Number(row["IndicatorCash_LA"]) is not { } value
                || (councils is not null && !councils.Contains(row["LocalAuthority"])))
            {
                continue;
            }

            var year = EndYear(row["Year"]);
            if (seen.Add((row["LocalAuthority"], row["IndicatorCode"], year)))
            {
                raw.Add((row["LocalAuthority"], row["IndicatorCode"], year, value, Number(row["NumeratorCash_LA"]), Number(row["DenominatorCash_LA"])));
            }
        }

        var indicators = new List<LgbfIndicator>();
        var values = new List<LgbfValue>();
        foreach (var group in raw.GroupBy(r => r.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var definition = definitions[group.Key];

            // LGBF keeps most percentages as fractions, shown with a % format (0.937 is 93.7%); a return gives 93.7.
            var scale = definition["MeasureType"] == "Percentage" && definition["NumberFormat"].Contains('%', StringComparison.Ordinal)
                && group.All(r => Math.Abs(r.Value) <= 5m) ? 100m : 1m;
            var scaled = group.Select(r => r with { Value = r.Value * scale }).ToList();
            var multiplier = Multiplier(definition, scale, scaled.Select(r => (r.Value, r.Numerator, r.Denominator)));
            var unit = UnitOf(definition["MeasureType"], scaled.Select(r => r.Value));
            indicators.Add(new LgbfIndicator(group.Key, definition["Title"], unit, definition["Ranking_Type"] == "Ascending", multiplier));
            values.AddRange(scaled.Select(r => multiplier is null
                ? new LgbfValue(r.Council, r.Code, r.Year, r.Value, null, null)
                : new LgbfValue(r.Council, r.Code, r.Year, r.Value, r.Numerator, r.Denominator)));
        }

        return new LgbfSeries(indicators, [.. values.OrderBy(v => v.Council, StringComparer.Ordinal).ThenBy(v => v.Code, StringComparer.Ordinal).ThenBy(v => v.Year)]);
    }

    /// <summary>
    /// <c>2010-11</c> is financial year 2010/11; a multi-year aggregate such as <c>2012-15</c> is dated
    /// by its last financial year, 2014/15 (one value a year, each overlapping the one before).
    /// </summary>
    private static int EndYear(string year)
    {
        var start = int.Parse(year.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var end = int.Parse(year.AsSpan(5, 2), CultureInfo.InvariantCulture) + (start / 100 * 100);
        if (end <= start)
        {
            end += 100;
        }

        return end - 1;
    }

    /// <summary>
    /// The multiplier the catalogue gives: the definition's numerator over denominator multiplier,
    /// or 1, 100 or 1000 where it has none (times 100 for a percentage kept as a fraction), whichever the published values follow (median within 1%); null
    /// when they follow none (the published numerators and denominators are then another measure's).
    /// </summary>
    private static decimal? Multiplier(Dictionary<string, string> definition, decimal scale, IEnumerable<(decimal Value, decimal? Numerator, decimal? Denominator)> rows)
    {
        var ratios = rows.Where(r => r.Numerator is > 0m && r.Denominator is > 0m && r.Value != 0m)
            .Select(r => (double)r.Value / ((double)r.Numerator!.Value / (double)r.Denominator!.Value)).Order().ToList();
        if (ratios.Count == 0)
        {
            return null;
        }

        var median = ratios[ratios.Count / 2];
        var candidates = Number(definition["Numerator_Multipier"]) is { } top && Number(definition["Denominator_Multiplier"]) is { } bottom
            ? [Math.Round(top / bottom, 10) * scale]
            : new[] { scale, 100m * scale, 1000m * scale };
        foreach (var candidate in candidates)
        {
            if (Math.Abs(median / (double)candidate - 1) < 0.01)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The catalogue's unit for an LGBF measure type. A percentage some council publishes beyond 0–100
    /// (outturn as a % of budget) is catalogued as a ratio, since this catalogue cannot yet allow it.
    /// </summary>
    private static Unit UnitOf(string measureType, IEnumerable<decimal> values) => measureType switch
    {
        "Percentage" when values.All(v => v is >= 0m and <= 100m) => Unit.Percent,
        "Cost" => Unit.Pounds,
        "Days" => Unit.Days,
        "Score" => Unit.Score,
        _ => Unit.Ratio,
    };

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateCsvReader(stream);
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
            if (header is null)
            {
                header = cells;
                continue;
            }

            rows.Add(header.Select((name, i) => (name, value: i < cells.Length ? cells[i] : string.Empty)).ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal));
        }

        return rows;
    }
}
