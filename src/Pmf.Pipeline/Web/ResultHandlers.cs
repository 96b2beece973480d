using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Pages.Web;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Web;

/// <summary>
/// One result as its head of service sees it (value, target, RAG, the return's words, the notes added since),
/// and the form that adds a commentary and remedial action without resubmitting a file.
/// </summary>
public static class ResultHandlers
{
    /// <summary>GET <c>/results/{council}/{indicator}/{period}</c>.</summary>
    public static async Task<IResult> ShowAsync(WebRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await FindAsync(request);
        return request.Page<ResultPage>(new() { ["Result"] = result });
    }

    /// <summary>POST <c>/results/{council}/{indicator}/{period}/remedial</c>.</summary>
    public static async Task<IResult> AddAsync(WebRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await FindAsync(request);
        var form = await request.FormAsync();
        var commentary = form["commentary"].ToString();
        var remedial = form["remedial_action"].ToString();
        NotedResult? noted;
        try
        {
            noted = await Book(request).AddAsync(
                result.IndicatorCode, Period(result.PeriodCode), commentary, remedial, request.User.Name,
                request.Services.GetRequiredService<TimeProvider>().GetUtcNow(), request.Aborted, request.User.Email);
        }
        catch (ArgumentException e)
        {
            throw WebProblem.BadForm(e.Message.Split(" (Parameter", 2)[0]);
        }

        if (noted is null)
        {
            throw WebProblem.NotFound($"The result of {result.IndicatorCode} for {result.PeriodCode}");
        }

        await request.AuditAsync(
            "Added commentary or remedial action", noted.ServiceCode, $"{noted.IndicatorCode} {noted.PeriodCode}",
            string.Join(" | ", new[] { commentary, remedial }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())));
        return WebRequest.Redirect(WebPaths.Result(noted.CouncilCode, noted.IndicatorCode, noted.PeriodCode));
    }

    private static async Task<NotedResult> FindAsync(WebRequest request)
    {
        var (council, indicator, segment) = (request.Route("council"), request.Route("indicator"), request.Route("period"));
        var what = string.Create(CultureInfo.InvariantCulture, $"The result of {indicator} for {segment}");
        if (!WebLinks.TryReadPeriod(segment, out var period)
            || await Book(request).FindAsync(indicator, period, request.Aborted) is not { } result
            || !string.Equals(result.CouncilCode, council, StringComparison.OrdinalIgnoreCase))
        {
            throw WebProblem.NotFound(what);
        }

        request.RequireService(result.ServiceCode);
        return result;
    }

    private static Calendar.Period Period(string code) =>
        Calendar.PeriodParser.Parse(code).Period ?? throw new InvalidOperationException($"The warehouse holds the period '{code}', which is not a period.");

    private static ResultNoteBook Book(WebRequest request) => new(request.Services.GetRequiredService<WarehouseDatabase>());
}
