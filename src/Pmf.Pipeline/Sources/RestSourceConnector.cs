using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Pmf.Pipeline.Sources;

/// <summary>Pulls records from a REST API answering JSON: fills the URL for the window, follows the pages, picks out the mapped fields.</summary>
internal sealed class RestSourceConnector(SourceDefinition source, HttpClient http, RestAuthenticator auth, TimeProvider time) : ISourceConnector
{
    private readonly RestSource _rest = source.Rest;
    private readonly IReadOnlyList<string> _fields = MappedFields.Of(source.Mapping);

    public async Task<IReadOnlyList<SourceRecord>> FetchAsync(SourceWindow window, int firstNumber, SourceCall resilience, CancellationToken cancellationToken)
    {
        var records = new List<SourceRecord>();
        var first = new Uri(RestUrl.Fill(_rest.Url, window));
        var paging = _rest.Paging;
        var byNumber = string.Equals(paging.Kind, SourceKinds.PageNumber, StringComparison.OrdinalIgnoreCase);
        var byLink = string.Equals(paging.Kind, SourceKinds.NextLink, StringComparison.OrdinalIgnoreCase);
        Uri? url = byNumber ? RestUrl.WithQuery(first, paging.PageParameter, paging.FirstPage.ToString(CultureInfo.InvariantCulture)) : first;
        var seen = new HashSet<Uri>();
        for (var page = 1; url is not null; page++)
        {
            if (page > paging.MaxPages || !seen.Add(url))
            {
                throw new SourceFailedException($"Source '{source.Name}' kept paging past {paging.MaxPages} pages (or sent a page twice) for {window}; check Rest:Paging.");
            }

            var body = await resilience.RunAsync(token => GetAsync(url, token), cancellationToken);
            using var document = Parse(body, url, page);
            var before = records.Count;
            foreach (var element in Records(document.RootElement, url, page))
            {
                records.Add(Record(element, firstNumber + records.Count, $"{window}, page {page}", window));
            }

            url = byLink ? NextLink(document.RootElement, url)
                : byNumber && records.Count > before ? RestUrl.WithQuery(first, paging.PageParameter, (paging.FirstPage + page).ToString(CultureInfo.InvariantCulture))
                : null;
        }

        return records;
    }

    private async Task<byte[]> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        await auth.ApplyAsync(request, cancellationToken);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is 408 or 429 or >= 500)
        {
            var wait = Pmf.Pipeline.RetryAfter.Of(response, time);
            if (wait > source.Resilience.MaxRetryAfter)
            {
                throw new SourceFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"Source '{source.Name}' answered {status} and asked to wait {wait.Value.TotalSeconds:0} s, longer than Resilience:MaxRetryAfter ({source.Resilience.MaxRetryAfter.TotalSeconds:0} s); it will be asked again on its next run."));
            }

            throw new TransientSourceException($"Source '{source.Name}' answered {status} {response.ReasonPhrase} for {Shown(url)}.", wait);
        }

        if (!response.IsSuccessStatusCode)
        {
            var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " Check its Rest:Auth settings and secret." : "";
            throw new SourceFailedException($"Source '{source.Name}' answered {status} {response.ReasonPhrase} for {Shown(url)}.{hint}");
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private JsonDocument Parse(byte[] body, Uri url, int page)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new SourceFailedException(
                string.Create(CultureInfo.InvariantCulture, $"Source '{source.Name}' answered {Shown(url)} (page {page}) with malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}; nothing from this run was loaded."), e);
        }
    }

    private IEnumerable<JsonElement> Records(JsonElement root, Uri url, int page)
    {
        var path = source.Mapping.RecordsPath;
        if (!JsonFields.TryFind(root, path, out var records) || records.ValueKind != JsonValueKind.Array)
        {
            var what = path.Length == 0 ? "its body is not an array" : $"it has no array at '{path}'";
            throw new SourceFailedException($"Source '{source.Name}' answered {Shown(url)} (page {page}), but {what}; check Mapping:RecordsPath (has the system's format changed?).");
        }

        return records.EnumerateArray();
    }

    private SourceRecord Record(JsonElement element, int number, string location, SourceWindow window)
    {
        var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in _fields)
        {
            if (JsonFields.TryFind(element, field, out var value))
            {
                fields[field] = JsonFields.Value(value);
            }
        }

        return new SourceRecord(number, location, fields, JsonFields.Names(element), window.PeriodKey);
    }

    private Uri? NextLink(JsonElement root, Uri current) =>
        JsonFields.TryFind(root, _rest.Paging.NextLinkPath, out var next) && next.ValueKind == JsonValueKind.String && next.GetString() is { Length: > 0 } link
            ? new Uri(current, link)
            : null;

    // The query string is left out of messages: some systems take tokens there.
    private static string Shown(Uri url) => url.GetLeftPart(UriPartial.Path);
}
