using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Pages.Web;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Web;

/// <summary>
/// A head of service's follow-ups: the open ones in their scope (every one for the performance team), one
/// with its history, and acknowledging or resolving it with a note. Every change is a <c>follow_up_event</c>
/// with who and when, and a line in the pages' audit.
/// </summary>
public static class FollowUpHandlers
{
    /// <summary>The most a note may hold, in characters.</summary>
    public const int MaxNote = 4000;

    /// <summary>GET <c>/follow-ups</c>.</summary>
    public static async Task<IResult> ListAsync(WebRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = await Book(request).ListAsync(includeResolved: false, serviceCode: null, request.Aborted);
        var mine = all.Where(f => request.User.CanSee(f.ServiceCode)).ToList();
        return request.Page<FollowUpsPage>(new() { ["FollowUps"] = mine });
    }

    /// <summary>GET <c>/follow-ups/{id}</c>.</summary>
    public static async Task<IResult> ShowAsync(WebRequest request)
    {
        var history = await FindAsync(request);
        var result = history.FollowUp.CouncilCode is not null
            ? await new ResultNoteBook(request.Services.GetRequiredService<WarehouseDatabase>())
                .FindAsync(history.FollowUp.IndicatorCode, Period(history.FollowUp.PeriodCode), request.Aborted)
            : null;
        return request.Page<FollowUpPage>(new()
        {
            ["History"] = history,
            ["ResultLink"] = result is null ? null : WebPaths.Result(result.CouncilCode, result.IndicatorCode, result.PeriodCode),
        });
    }

    /// <summary>POST <c>/follow-ups/{id}/acknowledge</c>.</summary>
    public static Task<IResult> AcknowledgeAsync(WebRequest request) =>
        ChangeAsync(request, "Acknowledged follow-up", (book, id, by, email, note, at, ct) => book.AcknowledgeAsync(id, by, note, at, ct, email));

    /// <summary>POST <c>/follow-ups/{id}/resolve</c>: a head of service resolves only what <see cref="FollowUpKind.ResolvableByHeadOfService"/> allows; the performance team any.</summary>
    public static Task<IResult> ResolveAsync(WebRequest request) =>
        ChangeAsync(request, "Resolved follow-up", (book, id, by, email, note, at, ct) => book.ResolveAsync(id, by, note, at, ct, email), resolving: true);

    private static async Task<IResult> ChangeAsync(
        WebRequest request, string action, Func<FollowUpBook, long, string, string, string?, DateTimeOffset, CancellationToken, Task<bool>> change, bool resolving = false)
    {
        var history = await FindAsync(request);
        var f = history.FollowUp;
        if (resolving && !request.User.IsPerformanceTeam && !f.HeadOfServiceMayResolve)
        {
            throw new WebProblem(403, "Resolved when the data arrives", FollowUpWords.NotYoursToResolve(f));
        }

        var form = await request.FormAsync();
        var note = form["note"].ToString().Trim();
        if (note.Length == 0)
        {
            throw WebProblem.BadForm("Write a note of what you are doing (or did) about the follow-up, then send the form again.");
        }

        if (note.Length > MaxNote)
        {
            throw WebProblem.BadForm(string.Create(CultureInfo.InvariantCulture, $"The note is {note.Length:N0} characters long; shorten it to {MaxNote:N0} or fewer."));
        }

        var at = request.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!await change(Book(request), f.Id, request.User.Name, request.User.Email, note, at, request.Aborted))
        {
            throw WebProblem.BadForm(string.Create(CultureInfo.InvariantCulture, $"Follow-up {f.Id} is already resolved, so it cannot be changed; its history shows who resolved it."));
        }

        await request.AuditAsync(action, f.ServiceCode, string.Create(CultureInfo.InvariantCulture, $"follow-up {f.Id}"), note);
        return WebRequest.Redirect(WebPaths.FollowUp(f.Id));
    }

    private static async Task<FollowUpHistory> FindAsync(WebRequest request)
    {
        var text = request.Route("id");
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await Book(request).FindAsync(id, request.Aborted) is not { } history)
        {
            throw WebProblem.NotFound($"Follow-up {text}");
        }

        request.RequireService(history.FollowUp.ServiceCode);
        return history;
    }

    private static Calendar.Period Period(string code) =>
        Calendar.PeriodParser.Parse(code).Period ?? throw new InvalidOperationException($"The warehouse holds the period '{code}', which is not a period.");

    private static FollowUpBook Book(WebRequest request) => new(request.Services.GetRequiredService<WarehouseDatabase>());
}
