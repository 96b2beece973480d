using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Pages.Web;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Templates;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Web;

/// <summary>
/// A service officer's pages: what the service owes, its pre-filled template, the upload (through the same gate as
/// a dropped file) and past submissions with their reports. The pipeline has checked <c>{service}</c> against the
/// person's scope before any of these runs.
/// </summary>
internal static class ServiceHandlers
{
    internal const string SubmissionsSql = """
        SELECT submission_id AS SubmissionId, file_name AS FileName, sender AS Sender, received_at AS ReceivedAt,
               verdict AS Verdict, rows_loaded AS RowsLoaded, warnings AS Warnings, errors AS Errors
        FROM submission
        WHERE UPPER(service_code) = UPPER(@Service)
        ORDER BY submission_id DESC
        """;

    /// <summary>The most past submissions a page lists.</summary>
    internal const int MaxSubmissions = 100;

    public static async Task<IResult> ServiceAsync(WebRequest request)
    {
        var service = Service(request);
        var owed = await request.Services.GetRequiredService<OwedReturns>().ForServiceAsync(service.Code, request.Aborted);
        var updates = await request.Services.GetRequiredService<OwedActionUpdates>().ForServiceAsync(service.Code, request.Aborted);
        return request.Page<ServicePage>(new() { ["Service"] = service, ["Owed"] = owed, ["Updates"] = updates });
    }

    public static async Task<IResult> TemplateAsync(WebRequest request)
    {
        var service = Service(request);
        Period period;
        if (request.Query("period") is { } text)
        {
            var parsed = PeriodParser.Parse(text);
            period = parsed.Period ?? throw WebProblem.BadForm($"The period '{text}' could not be read: {parsed.Error}");
        }
        else
        {
            var owed = await request.Services.GetRequiredService<OwedReturns>().ForServiceAsync(service.Code, request.Aborted);
            var updates = await request.Services.GetRequiredService<OwedActionUpdates>().ForServiceAsync(service.Code, request.Aborted);
            period = (owed.FirstOrDefault(o => o.State != OwedState.Received) ?? owed.FirstOrDefault())?.Template.Period
                ?? (updates.FirstOrDefault(u => u.State != OwedState.Received) ?? updates.FirstOrDefault())?.Period
                ?? throw WebProblem.NotFound($"A return {service.Name} owes");
        }

        var template = await new TemplateQuery(request.Services.GetRequiredService<WarehouseDatabase>()).BuildAsync(service.Code, period, request.Aborted);
        if (template is null || template.OwesNothing)
        {
            throw new WebProblem(StatusCodes.Status404NotFound, "Nothing owed", $"{service.Name} owes nothing for {period.Key}, so there is no template for it. Pick a period from the service's page.");
        }

        return Results.File(TemplateWorkbook.ToBytes(template), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.FileName);
    }

    public static async Task<IResult> UploadAsync(WebRequest request)
    {
        var service = Service(request);
        var form = await request.FormAsync();
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            throw WebProblem.BadForm($"Choose your completed return ({ReturnPath.ReadableTypes}) with 'Choose file', then press 'Upload and check'.");
        }

        var check = ReturnPath.Parse($"{service.Code}/{Path.GetFileName(file.FileName)}");
        if (check.Path is not { } path)
        {
            throw WebProblem.BadForm(check.Problem ?? "The file's name cannot be used; rename it and upload it again.");
        }

        // Exactly what a dropped file meets: into returns/<service>/, then the one gate, here and now.
        var store = request.Services.GetRequiredService<IReturnStore>();
        await using (var content = file.OpenReadStream())
        {
            await store.DropAsync(path, content, request.User.Email, request.Aborted);
        }

        var outcome = await request.Services.GetRequiredService<IngestReturnJob>().RunAsync(path.Name, request.Aborted);
        await request.AuditAsync("Uploaded a return", service.Code, path.FileName, outcome.Skipped ? "Taken by another run" : outcome.Verdict.ToString());
        return outcome.Load is { } load
            ? WebRequest.Redirect(WebPaths.Submission(service.Code, load.SubmissionId) + "?uploaded=1")
            : request.Page<UploadWaitingPage>(new() { ["Service"] = service, ["FileName"] = path.FileName, ["Reason"] = outcome.Reason }, StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> SubmissionsAsync(WebRequest request)
    {
        var service = Service(request);
        await using var connection = await request.Services.GetRequiredService<WarehouseDatabase>().OpenAsync(request.Aborted);
        var rows = (await connection.QueryAsync<SubmissionRow>(new CommandDefinition(SubmissionsSql, new { Service = service.Code }, cancellationToken: request.Aborted)))
            .Take(MaxSubmissions).ToList();
        return request.Page<SubmissionsPage>(new() { ["Service"] = service, ["Submissions"] = rows });
    }

    public static async Task<IResult> SubmissionAsync(WebRequest request)
    {
        var service = Service(request);
        var notFound = WebProblem.NotFound($"Submission {request.Route("id")} of {service.Name}");
        if (!long.TryParse(request.Route("id"), out var id))
        {
            throw notFound;
        }

        SubmissionReport report;
        try
        {
            report = await new SubmissionReportQuery(request.Services.GetRequiredService<WarehouseDatabase>()).LoadAsync(id, request.Aborted);
        }
        catch (KeyNotFoundException)
        {
            throw notFound;
        }

        // Another service's submission answers as if it were not there: its number says nothing about it.
        if (!string.Equals(report.ServiceCode, service.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw notFound;
        }

        return request.Page<SubmissionPage>(new() { ["Service"] = service, ["Report"] = report, ["JustUploaded"] = request.Query("uploaded") == "1" });
    }

    private static WebService Service(WebRequest request)
    {
        var code = request.Route(WebRoute.ServiceParameter);
        return request.User.Services.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase))
            ?? throw WebProblem.NotFound($"The service {code}");
    }
}

/// <summary>One past submission in a service's list.</summary>
public sealed class SubmissionRow
{
    /// <summary>Its number.</summary>
    public long SubmissionId { get; init; }

    /// <summary>The file's name.</summary>
    public string FileName { get; init; } = "";

    /// <summary>Who sent it.</summary>
    public string Sender { get; init; } = "";

    /// <summary>When it came in (UTC).</summary>
    public DateTime ReceivedAt { get; init; }

    /// <summary>Its verdict.</summary>
    public string Verdict { get; init; } = "";

    /// <summary>Rows loaded.</summary>
    public long RowsLoaded { get; init; }

    /// <summary>Warnings.</summary>
    public long Warnings { get; init; }

    /// <summary>Errors.</summary>
    public long Errors { get; init; }
}
