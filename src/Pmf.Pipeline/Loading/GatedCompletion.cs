using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Loading;

/// <summary>How a return and a pull finish alike once every row has been through the gate.</summary>
internal static class GatedCompletion
{
    /// <summary>
    /// Writes the gate's file-level issues and withdrawals into the load, then completes it with the
    /// gate's verdict; a rejection's reason is the first file-level error, else <paramref name="nothingAccepted"/>.
    /// </summary>
    public static async Task<SubmissionLoadSummary> CompleteAsync(
        this SubmissionLoad load, GateSummary summary, string nothingAccepted, CancellationToken cancellationToken)
    {
        foreach (var issue in summary.FileIssues)
        {
            await load.AddIssueAsync(issue, cancellationToken);
        }

        await load.WithdrawAsync(summary.Withdrawn, cancellationToken);
        var verdict = summary.Verdict switch
        {
            GateVerdict.Accepted => SubmissionVerdict.Accepted,
            GateVerdict.AcceptedWithWarnings => SubmissionVerdict.AcceptedWithWarnings,
            _ => SubmissionVerdict.Rejected,
        };
        var reason = verdict == SubmissionVerdict.Rejected
            ? summary.FileIssues.FirstOrDefault(i => i.Severity == Severity.Error)?.Message ?? nothingAccepted
            : null;
        return await load.CompleteAsync(new SubmissionOutcome(verdict, summary.RowsChecked, reason), cancellationToken);
    }
}
