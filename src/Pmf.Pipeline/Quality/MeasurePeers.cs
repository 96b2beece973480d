using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// Indicators that measure the same thing for other councils in one warehouse: the same name
/// (ignoring case and surrounding spaces), unit and frequency, another code. A catalogue holding
/// several councils that share services reports each council's figure under its own code; when they
/// all move together in a period (a pandemic year), that is a shock common to them, not a slip.
/// </summary>
internal sealed class MeasurePeers
{
    private readonly Dictionary<string, string[]> _peers = new(StringComparer.OrdinalIgnoreCase);

    public MeasurePeers(GateContext context)
    {
        var groups = context.Indicators.Values
            .Select(versions => versions[^1].Definition)
            .GroupBy(i => (Name: i.Name.Trim().ToUpperInvariant(), i.Unit, i.Frequency))
            .Where(g => g.Skip(1).Any());
        foreach (var group in groups)
        {
            var codes = group.Select(i => i.Code).ToArray();
            foreach (var code in codes)
            {
                _peers[code] = [.. codes.Where(c => !string.Equals(c, code, StringComparison.OrdinalIgnoreCase))];
            }
        }
    }

    /// <summary>The other indicators of the same measure; empty for most.</summary>
    public IReadOnlyList<string> Of(string code) => _peers.TryGetValue(code, out var peers) ? peers : [];

    /// <summary>
    /// How the peers of <paramref name="code"/> moved: <paramref name="ratioOf"/> gives a peer's ratio
    /// (null when it cannot be compared: a missing or non-positive value).
    /// </summary>
    public CommonShock Shock(string code, Func<string, double?> ratioOf)
    {
        var peers = Of(code);
        if (peers.Count < QualityThresholds.CommonShockPeers)
        {
            return CommonShock.None;
        }

        Span<double> ratios = peers.Count <= 64 ? stackalloc double[peers.Count] : new double[peers.Count];
        var found = 0;
        foreach (var peer in peers)
        {
            if (ratioOf(peer) is { } ratio && ratio > 0 && double.IsFinite(ratio))
            {
                ratios[found++] = ratio;
            }
        }

        return CommonShock.Of(ratios[..found]);
    }

    /// <summary>How the peers moved from <paramref name="from"/> to <paramref name="to"/> (values in both, a positive base).</summary>
    /// <remarks>Most indicators have no peers: they are answered before a closure is made (this runs on every row).</remarks>
    public CommonShock Step(string code, ResultSeries series, Period from, Period to) =>
        Of(code).Count < QualityThresholds.CommonShockPeers ? CommonShock.None : StepOf(code, series, from, to);

    private CommonShock StepOf(string code, ResultSeries series, Period from, Period to) => Shock(code, peer =>
        series.At(peer, from) is { Value: { } before } && before > 0m && series.At(peer, to) is { Value: { } after } ? (double)after / (double)before : null);
}
