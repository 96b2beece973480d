using Spectre.Console;

namespace Pmf.Cli;

/// <summary>The console <c>pmf</c> writes to.</summary>
internal static class PmfConsole
{
    /// <summary>How wide tables may be when output goes to a file or a pipe rather than a terminal.</summary>
    public const int RedirectedWidth = 240;

    /// <summary>
    /// <paramref name="console"/>, as wide as <see cref="RedirectedWidth"/> when output is redirected:
    /// a file or a pipe has no width, and tables cut to 80 columns there break codes mid-word.
    /// </summary>
    public static IAnsiConsole Create(bool redirected, IAnsiConsole console)
    {
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
