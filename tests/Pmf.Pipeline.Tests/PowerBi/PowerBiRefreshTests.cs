using System.Text.Json;
using Azure.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Warehouse;
using Pmf.Pipeline.Tests.Jobs;

namespace Pmf.Pipeline.Tests.PowerBi;

public sealed class PowerBiRefreshTests : IAsyncLifetime
{
    private const string Workspace = "7f0c2a51-1111-4a3b-9c1d-000000000001";
    private const string Dataset = "5d9e3b72-2222-4c4d-8e2f-000000000002";
    private const string RefreshPath = $"/v1.0/myorg/groups/{Workspace}/datasets/{Dataset}/refreshes";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private PowerBiStandIn _powerBi = null!;

    public async Task InitializeAsync() => _powerBi = await PowerBiStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _powerBi.DisposeAsync();
    }

    [Fact]
    public async Task A_load_posts_one_refresh_to_the_dataset_with_the_bearer_token_and_no_notification()
    {
        var credential = new FixedTokenCredential("token-123");

        var outcome = await Refresher(credential).AfterLoadAsync(CancellationToken.None);

        Assert.Equal(RefreshStep.Requested, outcome.Step);
        var request = Assert.Single(_powerBi.Requests);
        Assert.Equal(("POST", RefreshPath, "Bearer token-123"), (request.Method, request.Path, request.Authorization));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("NoNotification", JsonDocument.Parse(request.Body).RootElement.GetProperty("notifyOption").GetString());
        Assert.Equal([PowerBiRefreshOptions.Scope], credential.Scopes);
    }

    [Fact]
    public async Task Many_loads_within_the_interval_make_one_refresh_and_a_tick_after_it_makes_the_second()
    {
        var refresher = Refresher();

        await refresher.AfterLoadAsync(CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(RefreshStep.Waiting, (await refresher.AfterLoadAsync(CancellationToken.None)).Step);
        }

        Assert.Single(_powerBi.Requests);
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(RefreshStep.Waiting, (await refresher.TickAsync(CancellationToken.None)).Step);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(RefreshStep.Requested, (await refresher.TickAsync(CancellationToken.None)).Step);
        Assert.Equal(RefreshStep.NothingToRefresh, (await refresher.TickAsync(CancellationToken.None)).Step);
        Assert.Equal(2, _powerBi.Requests.Count);
    }

    [Fact]
    public async Task A_429_waits_the_Retry_After_it_was_given_then_tries_again()
    {
        _powerBi.ThenAnswer(429, header: ("Retry-After", "120"));
        var refresher = Refresher();

        var throttled = await refresher.AfterLoadAsync(CancellationToken.None);

        Assert.Equal((RefreshStep.Retrying, RefreshAnswerKind.Throttled, TimeSpan.FromSeconds(120)), (throttled.Step, throttled.Answer!.Kind, throttled.Answer.RetryAfter));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(120), throttled.NotBefore);
        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(RefreshStep.Waiting, (await refresher.TickAsync(CancellationToken.None)).Step);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RefreshStep.Requested, (await refresher.TickAsync(CancellationToken.None)).Step);
        Assert.Equal(2, _powerBi.Requests.Count);
    }

    [Fact]
    public async Task A_429_with_a_Retry_After_date_waits_until_that_date()
    {
        // RFC 9110 allows an HTTP date instead of seconds; read against the clock, not ignored.
        var until = _clock.GetUtcNow().AddMinutes(5);
        _powerBi.ThenAnswer(429, header: ("Retry-After", until.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var refresher = Refresher();

        var throttled = await refresher.AfterLoadAsync(CancellationToken.None);

        Assert.Equal((RefreshStep.Retrying, TimeSpan.FromMinutes(5)), (throttled.Step, throttled.Answer!.RetryAfter));
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(RefreshStep.Waiting, (await refresher.TickAsync(CancellationToken.None)).Step);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RefreshStep.Requested, (await refresher.TickAsync(CancellationToken.None)).Step);
    }

    [Theory]
    [InlineData(409, """{"error":{"code":"Conflict","message":"A refresh is in progress"}}""")]
    [InlineData(400, """{"error":{"code":"InvalidRequest","message":"Invalid dataset refresh request. Another refresh request is already executing"}}""")]
    public async Task A_refresh_already_running_keeps_the_load_owed_and_refreshes_again_after_the_interval(int status, string body)
    {
        _powerBi.ThenAnswer(status, body);
        var refresher = Refresher();

        var running = await refresher.AfterLoadAsync(CancellationToken.None);

        Assert.Equal(RefreshAnswerKind.AlreadyRunning, running.Answer!.Kind);
        Assert.True(refresher.IsStale);
        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(RefreshStep.Waiting, (await refresher.TickAsync(CancellationToken.None)).Step);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(RefreshStep.Requested, (await refresher.TickAsync(CancellationToken.None)).Step);
        Assert.False(refresher.IsStale);
    }

    [Fact]
    public async Task Another_bad_request_is_a_failure_retried_with_a_growing_wait()
    {
        _powerBi.ThenAnswer(400, """{"error":{"code":"InvalidRequest","message":"Dataset has no data source credentials"}}""");
        _powerBi.ThenAnswer(500);
        var refresher = Refresher();

        var first = await refresher.AfterLoadAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = await refresher.TickAsync(CancellationToken.None);

        Assert.Equal((RefreshAnswerKind.Failed, 400), (first.Answer!.Kind, first.Answer.Status));
        Assert.Contains("credentials", first.Answer.Detail, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(2), second.NotBefore);
        Assert.True(refresher.IsStale);
    }

    [Fact]
    public async Task No_token_or_no_server_is_a_logged_failure_never_an_exception_for_the_load()
    {
        var noToken = Refresher(new FixedTokenCredential("", new CredentialUnavailableException("no managed identity here")));
        var noServer = Refresher(options: Options(new Uri("http://127.0.0.1:1/")));

        var tokenless = await noToken.AfterLoadAsync(CancellationToken.None);
        var serverless = await noServer.AfterLoadAsync(CancellationToken.None);

        Assert.Equal(RefreshAnswerKind.Failed, tokenless.Answer!.Kind);
        Assert.Contains("no managed identity here", tokenless.Answer.Detail, StringComparison.Ordinal);
        Assert.Equal(RefreshAnswerKind.Failed, serverless.Answer!.Kind);
        Assert.Empty(_powerBi.Requests);
    }

    [Theory]
    [InlineData("ws", null, "set both")]
    [InlineData(null, "ds", "set both")]
    public void Half_configured_refresh_is_refused_with_what_to_set(string? workspace, string? dataset, string message)
    {
        var options = new PowerBiRefreshOptions { WorkspaceId = workspace, DatasetId = dataset };

        Assert.Contains(message, options.Validate(), StringComparison.Ordinal);
        Assert.False(options.Enabled);
        Assert.Null(new PowerBiRefreshOptions().Validate());
    }

    [Fact]
    public async Task Ingesting_returns_asks_for_one_refresh_and_a_rejected_or_repeated_file_asks_for_none()
    {
        await using var harness = await IngestHarness.CreateAsync(refresher: clock => new PowerBiRefresher(
            new PowerBiRefreshClient(_http, new FixedTokenCredential("token-123"), Options()), Options(), clock, NullLogger<PowerBiRefresher>.Instance));
        var clean = IngestHarness.CleanHousingReturn();

        var rejected = await harness.DropAndIngestAsync(clean with { ServiceCode = "XYZ" });
        Assert.Equal(SubmissionVerdict.Rejected, rejected.Verdict);
        Assert.Empty(_powerBi.Requests);

        var bytes = SampleReturnWriter.ToBytes(clean);
        var loaded = await harness.DropAndIngestAsync(clean.ReturnPath, bytes);
        Assert.True(loaded.Load!.RowsLoaded > 0);
        var request = Assert.Single(_powerBi.Requests);
        Assert.Equal(("POST", RefreshPath), (request.Method, request.Path));

        harness.Clock.Advance(TimeSpan.FromHours(1));
        var repeated = await harness.DropAndIngestAsync(clean.ReturnPath, bytes);
        Assert.Equal((loaded.Load.SubmissionId, 0), (repeated.Load!.DuplicateOfSubmissionId ?? -1, repeated.Load.RowsLoaded));
        Assert.Single(_powerBi.Requests);
    }

    [Fact]
    public void The_production_refresher_is_off_until_configured_and_refuses_half_a_configuration()
    {
        Assert.Null(PowerBiRefresher.Create(new PowerBiRefreshOptions(), _http, _clock, NullLogger<PowerBiRefresher>.Instance));
        Assert.NotNull(PowerBiRefresher.Create(Options(), _http, _clock, NullLogger<PowerBiRefresher>.Instance));
        Assert.Throws<ConfigurationProblemException>(() => PowerBiRefresher.Create(new PowerBiRefreshOptions { DatasetId = Dataset }, _http, _clock, NullLogger<PowerBiRefresher>.Instance));
    }

    private PowerBiRefreshOptions Options(Uri? address = null) => new()
    {
        WorkspaceId = Workspace,
        DatasetId = Dataset,
        ApiAddress = address ?? _powerBi.Address,
        MinimumInterval = TimeSpan.FromMinutes(15),
        RetryAfterFailure = TimeSpan.FromMinutes(1),
    };

    private PowerBiRefresher Refresher(FixedTokenCredential? credential = null, PowerBiRefreshOptions? options = null)
    {
        options ??= Options();
        return new PowerBiRefresher(new PowerBiRefreshClient(_http, credential ?? new FixedTokenCredential("token-123"), options, _clock), options, _clock, NullLogger<PowerBiRefresher>.Instance);
    }
}
