namespace Pmf.Cli;

/// <summary>The process exit codes every <c>pmf</c> command keeps to, for scripts and schedulers.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Done = 0;

    /// <summary>Done, but the data had problems (a catalogue with errors, a rejected return…).</summary>
    public const int DataProblems = 1;

    /// <summary>The command line or the configuration was wrong; nothing was done.</summary>
    public const int UsageOrConfiguration = 2;
}
