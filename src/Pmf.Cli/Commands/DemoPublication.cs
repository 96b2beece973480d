using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Publication;

namespace Pmf.Cli.Commands;

/// <summary>
/// The demo's quarter taken through the council's cycle, as its committees would: reviewed (scrutiny),
/// approved (the executive), then published with every result, Red ones included. A step already taken
/// (a second run in the same folder) is not taken again.
/// </summary>
internal static class DemoPublication
{
    internal const string By = "Policy and performance team (demo)";

    public static async Task<IReadOnlyList<PublicationStep>> TakeAsync(
        PublicationLedger ledger, Framework framework, Period quarter, IReadOnlyList<PublicationStage> stages, CancellationToken cancellationToken)
    {
        var taken = new List<PublicationStep>();
        foreach (var council in framework.Councils)
        {
            var reached = await ledger.StepsAsync(council.Code, quarter, cancellationToken);
            foreach (var stage in stages.Where(s => reached.All(r => r.Stage < s)))
            {
                taken.Add(await ledger.TakeAsync(
                    council.Code, quarter, stage, By, Committee(framework, council.Code, stage)?.Name, Note(stage, quarter), cancellationToken));
            }
        }

        return taken;
    }

    private static Committee? Committee(Framework framework, string councilCode, PublicationStage stage)
    {
        var ofCouncil = framework.Committees.Where(c => c.CouncilCode == councilCode).ToList();
        return stage == PublicationStage.Reviewed
            ? ofCouncil.FirstOrDefault(c => c.Kind == CommitteeKind.Scrutiny) ?? ofCouncil.FirstOrDefault(c => c.Kind == CommitteeKind.Audit)
            : ofCouncil.FirstOrDefault(c => c.Kind == CommitteeKind.Executive);
    }

    private static string Note(PublicationStage stage, Period quarter) => stage switch
    {
        PublicationStage.Reviewed => $"The {quarter.Key} performance report was reviewed and its recommendations passed on.",
        PublicationStage.Approved => $"Resolved: that the {quarter.Key} performance report is approved.",
        _ => $"Published openly with every result of {quarter.Key}, Red ones included.",
    };
}
