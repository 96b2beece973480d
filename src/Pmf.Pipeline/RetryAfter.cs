namespace Pmf.Pipeline;

/// <summary>How long an HTTP server asked us to wait before trying again.</summary>
internal static class RetryAfter
{
    /// <summary>
    /// The wait a <c>Retry-After</c> header asks for, as seconds or as a date read against
    /// <paramref name="time"/> (a date already past is no wait); null when the server named none.
    /// </summary>
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.RetryAfter is not { } after)
        {
            return null;
        }

        var wait = after.Delta ?? (after.Date is { } date ? date - time.GetUtcNow() : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
