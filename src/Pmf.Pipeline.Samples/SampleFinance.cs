using System.Globalization;
using System.Text;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Samples;

/// <summary>
/// The demo's finance returns: each service's budget, forecast outturn and variance for the latest ended
/// quarter, one row per council it reports for, sent as a Finance sheet alone (a CSV exported from the
/// finance system). Deterministic. One real fault: the first service's last row gives a variance that is
/// not its forecast less its budget (typed from last quarter), which the gate rejects on its row (DQ095);
/// every third service forecasts an overspend past 5% and explains it.
/// </summary>
public static class SampleFinance
{
    /// <summary>The header the files carry.</summary>
    public const string Header = "Council,Service,Period,Budget,Forecast outturn,Variance,Commentary";

    /// <summary>One file per service with indicators, for the last quarter ended by <paramref name="today"/>.</summary>
    public static IReadOnlyList<SampleFinanceFile> Create(Framework framework, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var quarter = Period.Containing(today, Frequency.Quarterly).Previous();
        var files = new List<SampleFinanceFile>();
        var index = 0;
        foreach (var service in framework.Services.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            var councils = framework.Indicators.Where(i => i.ServiceCode == service.Code).Select(i => i.CouncilCode)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (councils.Count == 0)
            {
                continue;
            }

            var csv = new StringBuilder(Header).Append("\r\n");
            for (var c = 0; c < councils.Count; c++)
            {
                var budget = 250_000m * (1 + ((Seed(service.Code) + c) % 17));
                var over = index % 3 == 0;
                var forecast = over ? budget * 1.08m : budget * (1 - (0.01m * ((index + c) % 4)));
                var variance = forecast - budget;
                var faulty = index == 0 && c == councils.Count - 1;
                var commentary = over ? "Demand for the service is above the level budgeted for; savings are being sought across the directorate." : "";
                csv.Append(string.Create(CultureInfo.InvariantCulture,
                    $"{councils[c]},{service.Code},{quarter.Key},{budget:0},{forecast:0},{(faulty ? variance / 2 : variance):0},\"{commentary}\"\r\n"));
            }

            var story = index == 0 ? "finance return with a variance that disagrees with its budget and forecast (one row rejected)" : "finance return";
            files.Add(new SampleFinanceFile(service.Code, $"{service.Code} finance {quarter.Key.Replace('/', '-')}.csv", csv.ToString(), story));
            index++;
        }

        return files;
    }

    private static int Seed(string code) => code.Aggregate(0, (sum, ch) => sum + ch);
}

/// <summary>A finance return as a service drops it.</summary>
/// <param name="ServiceCode">The service folder it is dropped in.</param>
/// <param name="FileName">The file name.</param>
/// <param name="Csv">The file's text.</param>
/// <param name="Story">What it shows in the demo.</param>
public sealed record SampleFinanceFile(string ServiceCode, string FileName, string Csv, string Story)
{
    /// <summary>The path inside the returns container.</summary>
    public string ReturnPath => $"{ServiceCode}/{FileName}";

    /// <summary>The file's bytes (UTF-8).</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Csv);
}
