using Pmf.Pipeline.Catalogue;

namespace Pmf.Bench.GateEval;

/// <summary>
/// A plausible mistake put into one real published row: what the sender's row says instead of the
/// published value. A blank <paramref name="Value"/> is left for the gate to work out from the
/// numerator and denominator.
/// </summary>
internal sealed record InjectedError(string Kind, string Council, string Code, int Year, decimal? Value, decimal? Numerator, decimal? Denominator)
{
    /// <summary>
    /// Twenty mistakes, two of each kind, in twenty different series, each in a year with at least five
    /// published years before it and one after (so the history rules have something to judge by and the
    /// knock-on on the next year can be seen). Chosen by a seeded random draw, so every run injects the same.
    /// </summary>
    public static IReadOnlyList<InjectedError> Draw(LgbfSeries series, int seed = 17)
    {
        var random = new Random(seed);
        var units = series.Indicators.ToDictionary(i => i.Code, i => i.Unit, StringComparer.Ordinal);
        var bySeries = series.Values.GroupBy(v => (v.Council, v.Code)).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Year).ToList());
        var used = new HashSet<(string, string)>();
        var errors = new List<InjectedError>();

        void Add(string kind, Func<LgbfValue, bool> fits, Func<LgbfValue, List<LgbfValue>, InjectedError?> make)
        {
            var candidates = bySeries
                .Where(s => !used.Contains(s.Key))
                .SelectMany(s => s.Value.Select((v, i) => (v, i, all: s.Value)))
                .Where(c => c.i >= 5 && c.i < c.all.Count - 1 && c.all[c.i - 1].Year == c.v.Year - 1 && c.all[c.i + 1].Year == c.v.Year + 1 && fits(c.v))
                .OrderBy(c => c.v.Council, StringComparer.Ordinal).ThenBy(c => c.v.Code, StringComparer.Ordinal).ThenBy(c => c.v.Year)
                .ToList();
            for (var made = 0; made < 2 && candidates.Count > 0;)
            {
                var pick = candidates[random.Next(candidates.Count)];
                candidates.RemoveAll(c => c.v.Council == pick.v.Council && c.v.Code == pick.v.Code);
                if (make(pick.v, pick.all) is { } error)
                {
                    errors.Add(error);
                    used.Add((pick.v.Council, pick.v.Code));
                    made++;
                }
            }
        }

        static bool Plain(LgbfValue v) => v.Numerator is null && v.Value != 0m;
        static bool Ratio(LgbfValue v) => v.Numerator is > 0m && v.Denominator is > 0m && v.Value != 0m;
        InjectedError Value(string kind, LgbfValue v, decimal value) => new(kind, v.Council, v.Code, v.Year, value, null, null);

        Add("extra digit typed (value x10)", Plain, (v, _) => Value("extra digit typed (value x10)", v, v.Value * 10m));
        Add("decimal point one place left (value / 10)", Plain, (v, _) => Value("decimal point one place left (value / 10)", v, v.Value / 10m));
        Add("percentage typed as a fraction (value / 100)", v => Plain(v) && units[v.Code] == Unit.Percent && v.Value > 1m,
            (v, _) => Value("percentage typed as a fraction (value / 100)", v, v.Value / 100m));
        Add("last year's whole row copied", Ratio, (v, all) =>
        {
            var last = all.Single(p => p.Year == v.Year - 1);
            return last.Value == v.Value ? null : new InjectedError("last year's whole row copied", v.Council, v.Code, v.Year, last.Value, last.Numerator, last.Denominator);
        });
        Add("numerator and denominator swapped (value worked out)", v => Ratio(v) && Math.Abs(v.Numerator!.Value - v.Denominator!.Value) > v.Denominator.Value / 10m,
            (v, _) => new InjectedError("numerator and denominator swapped (value worked out)", v.Council, v.Code, v.Year, null, v.Denominator, v.Numerator));
        Add("sign flipped (negative)", v => Plain(v) && v.Value > 0m && units[v.Code] is Unit.Pounds or Unit.Days,
            (v, _) => Value("sign flipped (negative)", v, -v.Value));
        Add("pounds typed in thousands (value / 1000)", v => Plain(v) && units[v.Code] == Unit.Pounds && v.Value > 100m,
            (v, _) => Value("pounds typed in thousands (value / 1000)", v, Math.Round(v.Value / 1000m, 2)));
        Add("first two digits transposed", v => Plain(v) && Transposed(v.Value) is not null,
            (v, _) => Value("first two digits transposed", v, Transposed(v.Value)!.Value));
        Add("another council's value", Plain, (v, _) =>
        {
            var other = series.Values.Where(o => o.Code == v.Code && o.Year == v.Year && o.Council != v.Council)
                .MaxBy(o => Math.Abs((double)o.Value - (double)v.Value));
            return other is null || other.Value == v.Value ? null : Value("another council's value", v, other.Value);
        });
        Add("numerator typed in thousands (value worked out)", Ratio,
            (v, _) => new InjectedError("numerator typed in thousands (value worked out)", v.Council, v.Code, v.Year, null, Math.Round(v.Numerator!.Value / 1000m, 3), v.Denominator));
        return errors;
    }

    /// <summary>The value with its first two significant digits swapped (58.3 → 85.3), or null when they are the same.</summary>
    private static decimal? Transposed(decimal value)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var digits = text.Select((c, i) => (c, i)).Where(p => char.IsAsciiDigit(p.c) && !(p.c == '0' && text[..p.i].All(d => d is '0' or '.' or '-'))).Take(2).ToList();
        if (digits.Count < 2 || digits[0].c == digits[1].c)
        {
            return null;
        }

        var chars = text.ToCharArray();
        (chars[digits[0].i], chars[digits[1].i]) = (digits[1].c, digits[0].c);
        return decimal.Parse(new string(chars), System.Globalization.CultureInfo.InvariantCulture);
    }
}
