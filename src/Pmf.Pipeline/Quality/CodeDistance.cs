using System.Text;

namespace Pmf.Pipeline.Quality;

/// <summary>How far apart two indicator codes are, as typing slips go.</summary>
internal static class CodeDistance
{
    /// <summary>
    /// Letters and digits only, upper case, numbers without leading zeros: <c>hou 01</c>, <c>HOU-01</c>,
    /// <c>HOU01</c> and <c>HOU-1</c> are all <c>HOU1</c>.
    /// </summary>
    public static string Compact(string code)
    {
        var kept = code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray();
        var builder = new StringBuilder(kept.Length);
        var inNumber = false; // a significant digit of the current number has been kept
        for (var i = 0; i < kept.Length; i++)
        {
            var c = kept[i];
            if (!char.IsDigit(c))
            {
                inNumber = false;
                builder.Append(c);
            }
            else if (inNumber || c != '0' || i + 1 == kept.Length || !char.IsDigit(kept[i + 1]))
            {
                inNumber = true;
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each count one.</summary>
    public static int Between(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
