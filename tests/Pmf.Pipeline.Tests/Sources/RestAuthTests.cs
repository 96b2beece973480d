using Microsoft.AspNetCore.Http;
using Pmf.Pipeline.Sources;

namespace Pmf.Pipeline.Tests.Sources;

public sealed class RestAuthTests
{
    private const string ClientSecret = "cs-2b8e61f0d4";

    [Fact]
    public async Task OAuth2_client_credentials_fetch_one_token_that_every_request_carries_and_no_log_shows()
    {
        await using var harness = await PullHarness.CreateAsync();
        harness.Settings["Pmf:Secrets:HousingClient"] = ClientSecret;
        var tokenRequests = new List<IReadOnlyDictionary<string, string>>();
        await using var api = await LoopbackApi.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == "/token")
            {
                var form = await context.Request.ReadFormAsync();
                tokenRequests.Add(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
                await PullHarness.WriteJsonAsync(context, new { access_token = "tok-91c0aa", token_type = "Bearer", expires_in = 3600 });
                return;
            }

            if (context.Request.Headers.Authorization != "Bearer tok-91c0aa")
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await PullHarness.AnswerHousing(context);
        });
        var source = PullHarness.Housing(api.Url("/kpis?period={period}"), s =>
        {
            s.BackfillFrom = new DateOnly(2026, 9, 1);
            s.Rest.Auth = new SourceAuth
            {
                Kind = SourceKinds.OAuth2,
                TokenUrl = api.Url("/token"),
                ClientId = "pmf-pipeline",
                SecretSetting = "Pmf:Secrets:HousingClient",
                Scope = "kpi.read",
            };
        });

        var outcome = await harness.PullAsync(source);

        Assert.Equal(SourceRunOutcome.Loaded, outcome.Outcome);
        var form = Assert.Single(tokenRequests);
        Assert.Equal(("client_credentials", "pmf-pipeline", ClientSecret, "kpi.read"), (form["grant_type"], form["client_id"], form["client_secret"], form["scope"]));
        Assert.Equal(2, api.Requests.Count(r => r.PathAndQuery.StartsWith("/kpis", StringComparison.Ordinal)));
        Assert.DoesNotContain(ClientSecret, harness.Log.All, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-91c0aa", harness.Log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_source_allows_fails_the_run_at_once_instead_of_holding_the_timer()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });

        var outcome = await harness.PullAsync(PullHarness.Housing(api.Url("/kpis?period={period}")));

        Assert.Equal(SourceRunOutcome.Failed, outcome.Outcome);
        Assert.Single(api.Requests);
        Assert.Equal(
            "Source 'housing-system' answered 503 and asked to wait 3600 s, longer than Resilience:MaxRetryAfter (60 s); it will be asked again on its next run.",
            outcome.Run.Message);
    }
}
