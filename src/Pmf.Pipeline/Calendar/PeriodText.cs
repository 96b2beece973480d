using System.Text;
using System.Text.RegularExpressions;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// Puts typed period text into one shape before the forms are matched: upper case, every dash a
/// hyphen, single spaces, and no spaces around <c>-</c> or <c>/</c>.
/// </summary>
internal static partial class PeriodText
{
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToUpperInvariant())
        {
            builder.Append(c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                ',' => ' ',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => c,
            });
        }

        var single = Spaces().Replace(builder.ToString().Trim(), " ");
        return SpacedSeparator().Replace(single, "$1");
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(" ?([-/]) ?")]
    private static partial Regex SpacedSeparator();
}
