using UglyToad.PdfPig;

namespace Pmf.Pipeline.Tests.Reports;

/// <summary>A PDF as Chromium printed it, read with PdfPig: each page's size in points, its text, and how far down its body text reaches.</summary>
public sealed record PrintedPdf(IReadOnlyList<PrintedSheet> Pages)
{
    // The page's top and bottom margins hold the running header and the page number, not the body.
    private const double MarginBand = 48;

    public static PrintedPdf Read(string path)
    {
        using var pdf = PdfDocument.Open(path);
        return new PrintedPdf([.. pdf.GetPages().Select(p =>
        {
            var body = p.Letters.Where(l => l.StartBaseLine.Y > MarginBand && l.StartBaseLine.Y < p.Height - MarginBand).ToList();
            var lowest = body.Count == 0 ? p.Height : body.Min(l => l.StartBaseLine.Y);
            return new PrintedSheet(p.Width, p.Height, string.Concat(p.Letters.Select(l => l.Value)), p.Text, (p.Height - MarginBand - lowest) / (p.Height - (2 * MarginBand)));
        })]);
    }
}

/// <summary>One printed page.</summary>
/// <param name="Width">Width in points.</param>
/// <param name="Height">Height in points.</param>
/// <param name="Letters">Its letters in drawing order.</param>
/// <param name="PageText">Its text as PdfPig joins it.</param>
/// <param name="BodyFilled">How far down the body area its text reaches, 0 to 1.</param>
public sealed record PrintedSheet(double Width, double Height, string Letters, string PageText, double BodyFilled)
{
    /// <summary>A4 portrait: 210 x 297 mm, 595.3 x 841.9 points.</summary>
    public bool IsA4Portrait => Math.Abs(Width - 595.3) < 2 && Math.Abs(Height - 841.9) < 2;

    /// <summary>The page's text with spaces as printed (PdfPig's text, falling back on the letters).</summary>
    public string Text => PageText.Length > 0 ? PageText : Letters;
}
