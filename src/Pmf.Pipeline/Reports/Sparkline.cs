using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// A small trend chart as inline SVG: the values as a line, each point coloured by its RAG, the
/// target as a dashed line. Drawn here, never fetched, so the page needs no network to show it.
/// </summary>
internal static class Sparkline
{
    public const int Width = 132;

    public const int Height = 36;

    private const double Pad = 4;

    public static string Svg(IReadOnlyList<TrendPoint> points, string unit)
    {
        var values = points.Where(p => p.Value is not null).ToList();
        var label = values.Count == 0
            ? "No results in the trend window"
            : "Trend: " + string.Join("; ", values.Select(p => $"{p.PeriodCode} {ReportFormat.Value(p.Value, unit)}"));
        var svg = new StringBuilder(1024);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"spark\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(label)}\">")
            .Append("<title>").Append(Encode(label)).Append("</title>");
        if (values.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" y1=\"{Height / 2}\" x2=\"{Width - Pad}\" y2=\"{Height / 2}\" stroke=\"#b1b4b6\" stroke-dasharray=\"2 3\"/></svg>");
            return svg.ToString();
        }

        var all = values.Select(p => (double)p.Value!.Value).Concat(points.Where(p => p.Target is not null).Select(p => (double)p.Target!.Value)).ToList();
        var (min, max) = (all.Min(), all.Max());
        if (max - min < 1e-9)
        {
            (min, max) = (min - 1, max + 1);
        }

        var step = points.Count > 1 ? (Width - (2 * Pad)) / (points.Count - 1) : 0;
        double X(int index) => points.Count > 1 ? Pad + (index * step) : Width / 2.0;
        double Y(decimal value) => Height - Pad - (((double)value - min) / (max - min) * (Height - (2 * Pad)));

        var target = points.Select((p, i) => (p, i)).Where(t => t.p.Target is not null).Select(t => Point(X(t.i), Y(t.p.Target!.Value))).ToList();
        if (target.Count > 1)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"#505a5f\" stroke-width=\"1\" stroke-dasharray=\"3 2\" points=\"").Append(string.Join(' ', target)).Append("\"/>");
        }

        var line = points.Select((p, i) => (p, i)).Where(t => t.p.Value is not null).Select(t => Point(X(t.i), Y(t.p.Value!.Value))).ToList();
        svg.Append("<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"1.5\" points=\"").Append(string.Join(' ', line)).Append("\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } value)
            {
                var r = i == points.Count - 1 ? 3.2 : 2.2;
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(value):0.#}\" r=\"{r:0.#}\" fill=\"{ReportFormat.RagColour(points[i].Rag)}\"/>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Point(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
