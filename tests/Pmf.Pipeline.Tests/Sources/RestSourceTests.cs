using System.Net;
using Microsoft.AspNetCore.Http;
using Pmf.Pipeline.Sources;

namespace Pmf.Pipeline.Tests.Sources;

public sealed class RestSourceTests
{
    [Fact]
    public async Task A_pull_loads_the_open_period_as_a_submission_from_the_system()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((c, _) => PullHarness.AnswerHousing(c));

        var outcome = await harness.PullAsync(PullHarness.Housing(api.Url("/kpis?period={period}")));

        Assert.Equal(SourceRunOutcome.Loaded, outcome.Outcome);
        Assert.Equal("2026/27 M07", Assert.Single(api.Requests).Query["period"]);
        var submission = Assert.Single(await harness.QueryAsync<(string Kind, string Source, string Sender, long Loaded)>(
            "SELECT source_kind, source_name, sender, rows_loaded FROM submission"));
        Assert.Equal(("Pull", "housing-system", "housing-system", 4L), submission);
        Assert.Equal(4, (await harness.QueryAsync<string>("SELECT indicator_code FROM fact_result WHERE is_current = 1")).Count);
    }

    [Fact]
    public async Task Pages_are_followed_by_next_link_until_a_page_has_none()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((context, number) =>
        {
            var records = PullHarness.HousingRecords("2026/27 M07");
            return context.Request.Query["page"].ToString() == "2"
                ? PullHarness.WriteJsonAsync(context, new { data = new { items = records[2..] }, links = new { next = (string?)null } })
                : PullHarness.WriteJsonAsync(context, new { data = new { items = records[..2] }, links = new { next = "/kpis?page=2" } });
        });
        var source = PullHarness.Housing(api.Url("/kpis?from={periodStart}&to={periodEnd}"), s =>
        {
            s.Rest.Paging = new RestPaging { Kind = SourceKinds.NextLink, NextLinkPath = "links.next" };
            s.Mapping.RecordsPath = "data.items";
        });

        var outcome = await harness.PullAsync(source);

        Assert.Equal(SourceRunOutcome.Loaded, outcome.Outcome);
        Assert.Equal(["/kpis?from=2026-10-01&to=2026-10-31", "/kpis?page=2"], api.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(4, outcome.Run.RecordsRead);
        Assert.Equal(4, outcome.Load!.RowsLoaded);
    }

    [Fact]
    public async Task Pages_are_asked_for_by_number_until_one_comes_back_empty()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((context, number) =>
        {
            var page = int.Parse(context.Request.Query["p"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            var records = PullHarness.HousingRecords(context.Request.Query["period"].ToString());
            return PullHarness.WriteJsonAsync(context, new { items = records.Skip((page - 1) * 3).Take(3) });
        });
        var source = PullHarness.Housing(api.Url("/kpis?period={period}"), s => s.Rest.Paging = new RestPaging { Kind = SourceKinds.PageNumber, PageParameter = "p" });

        var outcome = await harness.PullAsync(source);

        Assert.Equal(SourceRunOutcome.Loaded, outcome.Outcome);
        Assert.Equal(["1", "2", "3"], api.Requests.Select(r => r.Query["p"]));
        Assert.Equal(4, outcome.Load!.RowsLoaded);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_wait_the_source_asked_for()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            return PullHarness.AnswerHousing(context);
        });

        var outcome = await harness.PullAsync(PullHarness.Housing(api.Url("/kpis?period={period}")));

        Assert.Equal(SourceRunOutcome.Loaded, outcome.Outcome);
        Assert.Equal(2, outcome.Run.Attempts);
        var requests = api.Requests.ToList();
        // The back-off alone would be ~10 ms; only Retry-After explains a second's wait.
        Assert.InRange((requests[1].At - requests[0].At).TotalSeconds, 0.95, 5);
    }

    [Fact]
    public async Task A_500_then_success_loads_on_the_retry()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return Task.CompletedTask;
            }

            return PullHarness.AnswerHousing(context);
        });

        var outcome = await harness.PullAsync(PullHarness.Housing(api.Url("/kpis?period={period}")));

        Assert.Equal(SourceRunOutcome.Loaded, outcome.Outcome);
        Assert.Equal((1, 2), (outcome.Run.Requests, outcome.Run.Attempts));
    }

    [Fact]
    public async Task A_source_that_does_not_answer_in_time_fails_after_its_retries()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync(async (context, number) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await PullHarness.AnswerHousing(context);
        });
        var source = PullHarness.Housing(api.Url("/kpis?period={period}"), s =>
        {
            s.Resilience.Timeout = TimeSpan.FromMilliseconds(300);
            s.Resilience.Retries = 1;
        });

        var outcome = await harness.PullAsync(source);

        Assert.Equal(SourceRunOutcome.Failed, outcome.Outcome);
        // Failed, not loaded: the server would have answered after 10 s; each attempt was cut off at its timeout.
        Assert.Equal("Source 'housing-system' did not answer within 0.3 s (2 attempts).", outcome.Run.Message);
        Assert.Empty(await harness.QueryAsync<long>("SELECT submission_id FROM submission"));
        Assert.Equal("Failed", Assert.Single(await harness.QueryAsync<string>("SELECT outcome FROM source_run")));
    }

    [Fact]
    public async Task Malformed_JSON_fails_the_run_with_where_it_broke_and_loads_nothing()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((context, number) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"items\": [ {\"indicator\": \"ASH-HOU-03\", \"value\": 24,");
        });

        var outcome = await harness.PullAsync(PullHarness.Housing(api.Url("/kpis?period={period}")));

        Assert.Equal(SourceRunOutcome.Failed, outcome.Outcome);
        Assert.StartsWith("Source 'housing-system' answered http://127.0.0.1:", outcome.Run.Message, StringComparison.Ordinal);
        Assert.Contains("malformed JSON at line 1", outcome.Run.Message, StringComparison.Ordinal);
        Assert.Equal(1, outcome.Run.Attempts);
        Assert.Empty(await harness.QueryAsync<long>("SELECT result_key FROM fact_result"));
    }

    [Fact]
    public async Task A_renamed_field_rejects_the_pull_with_a_clear_data_quality_error_instead_of_blanks()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((context, number) =>
            PullHarness.WriteJsonAsync(context, new { items = PullHarness.HousingRecords("2026/27 M07", valueField: "actual") }));

        var outcome = await harness.PullAsync(PullHarness.Housing(api.Url("/kpis?period={period}")));

        Assert.Equal(SourceRunOutcome.Rejected, outcome.Outcome);
        var issue = Assert.Single(await harness.QueryAsync<(string Rule, string Severity, string Column, string Message)>(
            "SELECT rule_id, severity, column_name, message FROM dq_issue"));
        Assert.Equal(("DQ001", "Error", "value"), (issue.Rule, issue.Severity, issue.Column));
        Assert.Contains("sent 4 of 4 records without the field 'value' that Mapping:Value reads", issue.Message, StringComparison.Ordinal);
        Assert.Contains("has 'indicator', 'period', 'actual', 'commentary'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Pmf:Sources:housing-system:Mapping:Value", issue.Message, StringComparison.Ordinal);
        Assert.Equal(issue.Message, outcome.Run.Message);
        Assert.Empty(await harness.QueryAsync<long>("SELECT result_key FROM fact_result"));
        Assert.Equal("Rejected", Assert.Single(await harness.QueryAsync<string>("SELECT verdict FROM submission")));
    }

    [Fact]
    public async Task The_API_key_is_sent_in_its_header_and_never_logged_or_recorded()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((context, number) =>
        {
            if (context.Request.Headers["X-Api-Key"] != PullHarness.ApiKey)
            {
                context.Response.StatusCode = (int)HttpStatusCode.Unauthorized;
                return Task.CompletedTask;
            }

            // The second period's request fails, so the key would have every chance to reach a message.
            if (context.Request.Query["period"] == "2026/27 M07")
            {
                context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
                return Task.CompletedTask;
            }

            return PullHarness.AnswerHousing(context);
        });
        var source = PullHarness.Housing(api.Url("/kpis?period={period}"), s =>
        {
            s.BackfillFrom = new DateOnly(2026, 9, 1);
            s.Rest.Auth = new SourceAuth { Kind = SourceKinds.ApiKey, Header = "X-Api-Key", SecretSetting = "Pmf:Secrets:HousingKey" };
        });

        var outcome = await harness.PullAsync(source);

        Assert.All(api.Requests, r => Assert.Equal(PullHarness.ApiKey, r.Headers["X-Api-Key"]));
        Assert.Equal(2, api.Requests.Count);
        Assert.Equal(SourceRunOutcome.Failed, outcome.Outcome);
        Assert.NotEmpty(harness.Log.Entries);
        Assert.DoesNotContain(PullHarness.ApiKey, harness.Log.All, StringComparison.Ordinal);
        var recorded = string.Join("\n", await harness.QueryAsync<string>("SELECT COALESCE(message, '') FROM source_run"));
        Assert.Contains("answered 400", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain(PullHarness.ApiKey, recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_fails_without_retrying_and_says_to_check_the_auth_settings()
    {
        await using var harness = await PullHarness.CreateAsync();
        harness.Settings["Pmf:Secrets:HousingKey"] = "not-the-key";
        await using var api = await LoopbackApi.StartAsync((context, number) =>
        {
            context.Response.StatusCode = (int)HttpStatusCode.Unauthorized;
            return Task.CompletedTask;
        });
        var source = PullHarness.Housing(api.Url("/kpis?period={period}"), s =>
            s.Rest.Auth = new SourceAuth { Kind = SourceKinds.ApiKey, SecretSetting = "Pmf:Secrets:HousingKey" });

        var outcome = await harness.PullAsync(source);

        Assert.Equal(SourceRunOutcome.Failed, outcome.Outcome);
        Assert.Single(api.Requests);
        Assert.EndsWith("answered 401 Unauthorized for " + api.Url("/kpis") + ". Check its Rest:Auth settings and secret.", outcome.Run.Message, StringComparison.Ordinal);
    }
}
