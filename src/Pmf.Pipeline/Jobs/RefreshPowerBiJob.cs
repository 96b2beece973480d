using Pmf.Pipeline.PowerBi;

namespace Pmf.Pipeline.Jobs;

/// <summary>
/// Entry point for the refresh timer: sends the Power BI refresh that loads are waiting for once the
/// interval allows (a load refreshes at once when it can; this catches the loads that came too soon
/// after the last refresh). Does nothing when refresh after load is not configured.
/// </summary>
/// <param name="refresher">The process's refresher, or <see langword="null"/> when <c>Pmf:PowerBi</c> is not set.</param>
public sealed class RefreshPowerBiJob(PowerBiRefresher? refresher)
{
    /// <summary>Whether refresh after load is configured.</summary>
    public bool Enabled => refresher is not null;

    /// <summary>Requests the refresh a load is waiting for, if its time has come.</summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>What happened, or <see langword="null"/> when refresh is off.</returns>
    public async Task<RefreshOutcome?> RunAsync(CancellationToken cancellationToken) =>
        refresher is null ? null : await refresher.TickAsync(cancellationToken);
}
