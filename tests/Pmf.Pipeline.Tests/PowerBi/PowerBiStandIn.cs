using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// Kestrel on 127.0.0.1 answering like the Power BI REST API: records every request (method, path,
/// Authorization header, body) and answers from a script, then with <see cref="Otherwise"/>, else 202 Accepted.
/// </summary>
public sealed class PowerBiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();

    private PowerBiStandIn(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Address { get; private set; } = null!;

    /// <summary>Answers what the script does not; 202 Accepted when unset.</summary>
    public Func<HttpContext, RecordedRequest, Task>? Otherwise { get; set; }

    public static async Task<PowerBiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new PowerBiStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        standIn.Address = new Uri(address + "/");
        return standIn;
    }

    /// <summary>The next request gets this status, with the header and body given.</summary>
    public void ThenAnswer(int status, string? body = null, (string Name, string Value)? header = null) =>
        _script.Enqueue(async context =>
        {
            context.Response.StatusCode = status;
            if (header is { } h)
            {
                context.Response.Headers[h.Name] = h.Value;
            }

            if (body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body);
            }
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var bytes = new MemoryStream();
        await context.Request.Body.CopyToAsync(bytes);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType ?? "",
            Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length))
        {
            Bytes = bytes.ToArray(),
            ContentRange = context.Request.Headers.ContentRange.ToString(),
            ContentLength = context.Request.ContentLength,
        };
        Requests.Enqueue(request);
        if (_script.TryDequeue(out var answer))
        {
            await answer(context);
        }
        else if (Otherwise is { } otherwise)
        {
            await otherwise(context, request);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
    }
}

public sealed record RecordedRequest(string Method, string Path, string Authorization, string ContentType, string Body)
{
    /// <summary>The body as it came (an upload's chunk is not text).</summary>
    public byte[] Bytes { get; init; } = [];

    public string ContentRange { get; init; } = "";

    public long? ContentLength { get; init; }
}
