using System.Globalization;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Loading;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>
/// Files the job will not read as returns (a link, an unsafe name) still get a verdict (<see cref="RefusedReturn"/>)
/// and a report; a drop judged before is finished, never judged twice.
/// </summary>
public sealed partial class IngestReturnJob
{
    /// <summary>The refused file's outcome, or null when <paramref name="name"/> is read as a return.</summary>
    private async Task<IngestOutcome?> RefusedAsync(string name, ReturnPathCheck check, CancellationToken cancellationToken)
    {
        if (await store.RefusalAsync(name, cancellationToken) is { } refusal)
        {
            // A link is never followed: judged once, reported, and left where it is.
            return await RefuseAsync(name, refusal, leaveInPlace: true, cancellationToken);
        }

        if (check.Path is null)
        {
            // An unsafe name is never followed as a path: the file is set aside in rejected/ under a safe name, with a report.
            LogUnsafeName(logger, name, check.Problem);
            return await RefuseAsync(name, check.Problem!, leaveInPlace: false, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// Rejects <paramref name="name"/> unread, writes its report in rejected/, and sets the file aside there under a
    /// safe name unless <paramref name="leaveInPlace"/> (a link, which is never followed, so never moved).
    /// </summary>
    private async Task<IngestOutcome> RefuseAsync(string name, string problem, bool leaveInPlace, CancellationToken cancellationToken)
    {
        if (await store.FindWaitingAsync(name, cancellationToken) is not { } waiting)
        {
            return IngestOutcome.Gone(name);
        }

        var (judged, folder) = await new RefusedReturn(warehouse, time).JudgeAsync(waiting, problem, cancellationToken);
        if (judged.Resumed && leaveInPlace)
        {
            return IngestOutcome.Skip(name, "Already judged and left in place.");
        }

        var id = judged.Summary.SubmissionId;
        var leaf = name[(name.LastIndexOf('/') + 1)..];
        var target = CompletedName.SetAside(folder, leaf.Length > 0 ? leaf : name, id, time.GetUtcNow());
        var moved = leaveInPlace ? null : await store.SetAsideAsync(name, waiting.Version, target, id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (judged.Resumed && moved is null)
        {
            // Judged before and the store keeps it where it is (a blob): reported once, not again each run.
            return IngestOutcome.Skip(name, "Already judged and left in place.");
        }

        var shown = NameRules.Display(name);
        LogRefused(logger, shown, problem, moved?.ToString() ?? "left in place");
        var report = await _reports.DeliverAsync(id, target, owedNow: !judged.Resumed, cancellationToken);
        return IngestOutcome.Of(shown, judged, moved, report) with { Verdict = SubmissionVerdict.Rejected, Reason = problem };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return {Name} has an unsafe name and is set aside in rejected/ under a safe one: {Problem}")]
    private static partial void LogUnsafeName(ILogger logger, string name, string? problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} in returns/ was refused ({Problem}); {Where}")]
    private static partial void LogRefused(ILogger logger, string name, string problem, string where);
}
