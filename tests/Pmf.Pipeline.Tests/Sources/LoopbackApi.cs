using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pmf.Pipeline.Tests.Sources;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) standing in for a service system's REST API.
/// Every request is answered by <see cref="Handler"/> and remembered, with when it arrived.
/// </summary>
public sealed class LoopbackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private LoopbackApi(WebApplication app) => _app = app;

    public required Func<HttpContext, int, Task> Handler { get; set; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<LoopbackApi> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new LoopbackApi(app) { Handler = handler };
        app.Run(async context =>
        {
            var number = api.Requests.Count + 1;
            api.Requests.Enqueue(new SeenRequest(
                context.Request.Path + context.Request.QueryString,
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                api._clock.Elapsed));
            await api.Handler(context, number);
        });
        await app.StartAsync();
        return api;
    }

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record SeenRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, TimeSpan At);
}
