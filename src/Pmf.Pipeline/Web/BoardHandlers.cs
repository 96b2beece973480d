using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Pages.Web;
using Pmf.Pipeline.Publication;
using Pmf.Pipeline.Templates;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Web;

/// <summary>
/// The performance team's pages: the period's board by council and service (received, late, missing, rejected,
/// with the dates) and a council's period's publication steps (review, approve, publish) through the
/// <see cref="PublicationLedger"/>.
/// </summary>
internal static class BoardHandlers
{
    public static async Task<IResult> BoardAsync(WebRequest request)
    {
        var period = PeriodOr(request.Query("period"), () => Period.Containing(UkClock.Today(request.Services.GetRequiredService<TimeProvider>()), Frequency.Quarterly).Previous());
        var templates = await new TemplateQuery(request.Services.GetRequiredService<WarehouseDatabase>()).BuildAllAsync(period, request.Aborted);
        // One row per council and service: a service shared by councils owes each council's rows by that council's dates.
        var byCouncil = templates.SelectMany(t => t.Lines.GroupBy(l => l.Indicator.CouncilCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ReturnTemplate(t.Service, t.Period, [.. g], g.Where(l => l.Period.Frequency == period.Frequency).Select(l => l.DueBy).DefaultIfEmpty(g.Min(l => l.DueBy)).Min())))
            .ToList();
        var owed = await request.Services.GetRequiredService<OwedReturns>().JudgeAsync(byCouncil, UkClock.Today(request.Services.GetRequiredService<TimeProvider>()), request.Aborted);
        var rows = owed.OrderBy(o => o.Template.Lines[0].Indicator.CouncilCode, StringComparer.Ordinal).ThenBy(o => o.Template.Service.Code, StringComparer.Ordinal).ToList();
        var updates = OwedActionGroup.Of(await request.Services.GetRequiredService<OwedActionUpdates>().ForPeriodAsync(period, request.Aborted));
        return request.Page<BoardPage>(new() { ["Period"] = period, ["Rows"] = rows, ["Updates"] = updates });
    }

    public static async Task<IResult> PublicationAsync(WebRequest request)
    {
        var (council, period) = CouncilAndPeriod(request);
        var steps = await Ledger(request).StepsAsync(council, period, request.Aborted);
        return request.Page<PublicationPage>(new() { ["Council"] = council, ["Period"] = period, ["Steps"] = steps });
    }

    public static Task<IResult> ReviewAsync(WebRequest request) => TakeAsync(request, PublicationStage.Reviewed);

    public static Task<IResult> ApproveAsync(WebRequest request) => TakeAsync(request, PublicationStage.Approved);

    public static Task<IResult> PublishAsync(WebRequest request) => TakeAsync(request, PublicationStage.Published);

    private static async Task<IResult> TakeAsync(WebRequest request, PublicationStage stage)
    {
        var (council, period) = CouncilAndPeriod(request);
        var form = await request.FormAsync();
        var committee = form["committee"].ToString();
        var note = form["note"].ToString();
        try
        {
            await Ledger(request).TakeAsync(council, period, stage, $"{request.User.Name} <{request.User.Email}>", committee, note, request.Aborted);
        }
        catch (ConfigurationProblemException e)
        {
            throw WebProblem.BadForm(e.Message);
        }

        await request.AuditAsync($"Publication: {PublicationLedger.Words(stage)}", null, $"{council} {period.Key}", string.Join(" | ", new[] { committee, note }.Where(t => !string.IsNullOrWhiteSpace(t))));
        return WebRequest.Redirect(WebPaths.Publication(council, period.Key));
    }

    private static PublicationLedger Ledger(WebRequest request) =>
        new(request.Services.GetRequiredService<WarehouseDatabase>(), request.Services.GetRequiredService<TimeProvider>());

    private static (string Council, Period Period) CouncilAndPeriod(WebRequest request) =>
        (request.Route("council").ToUpperInvariant(), PeriodOr(Uri.UnescapeDataString(request.Route("period")), () => throw WebProblem.NotFound("That period")));

    private static Period PeriodOr(string? text, Func<Period> otherwise)
    {
        if (text is null)
        {
            return otherwise();
        }

        var parsed = PeriodParser.Parse(text);
        return parsed.Period ?? throw WebProblem.BadForm($"The period '{text}' could not be read: {parsed.Error} Write it like 2026/27 Q2.");
    }
}
