using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Pmf.Pipeline.Samples;

/// <summary>
/// The demo housing management system's REST API: <c>GET /kpis?from=yyyy-MM-dd&amp;to=yyyy-MM-dd&amp;page=n</c>
/// on 127.0.0.1, ten records a page, answering 401 without the right <c>X-Api-Key</c>. It uses
/// <see cref="HttpListener"/>, so the library needs no ASP.NET Core framework reference.
/// </summary>
public sealed class SampleHousingApi : IAsyncDisposable
{
    private const int PageSize = 10;
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyList<SampleSourceFigure> _figures;
    private readonly string _apiKey;
    private readonly Task _loop;

    private SampleHousingApi(IReadOnlyList<SampleSourceFigure> figures, string apiKey)
    {
        _figures = figures;
        _apiKey = apiKey;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Where the API listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Requests answered so far.</summary>
    public int Requests { get; private set; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    internal static SampleHousingApi Start(IReadOnlyList<SampleSourceFigure> figures, string apiKey) => new(figures, apiKey);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Requests++;
            using var response = context.Response;
            var (status, body) = Answer(context.Request);
            response.StatusCode = status;
            response.ContentType = "application/json";
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
            await response.OutputStream.WriteAsync(bytes);
        }
    }

    private (int Status, object Body) Answer(HttpListenerRequest request)
    {
        if (request.Headers["X-Api-Key"] != _apiKey)
        {
            return (401, new { error = "A valid X-Api-Key header is required." });
        }

        if (request.Url?.AbsolutePath != "/kpis"
            || !DateOnly.TryParseExact(request.QueryString["from"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(request.QueryString["to"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return (400, new { error = "Ask for /kpis?from=yyyy-MM-dd&to=yyyy-MM-dd." });
        }

        var page = int.TryParse(request.QueryString["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var data = _figures
            .Where(f => f.Period.Start >= from && f.Period.End <= to)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(f => new { kpi = f.IndicatorCode, month = f.Period.Key, result = f.Value })
            .ToList();
        return (200, new { data, page });
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
