using System.Data.Common;
using System.Globalization;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Pmf.Pipeline.Sources;

/// <summary>Says in one sentence why a pull failed, for <c>source_run.message</c> and the log, with any secret value blanked out.</summary>
internal static class SourceFailureText
{
    public static string Describe(SourceDefinition source, Exception e, int attempts)
    {
        var tries = attempts == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{attempts} attempts");
        return e switch
        {
            TimeoutRejectedException => string.Create(CultureInfo.InvariantCulture, $"Source '{source.Name}' did not answer within {source.Resilience.Timeout.TotalSeconds:0.###} s ({tries})."),
            BrokenCircuitException => string.Create(CultureInfo.InvariantCulture, $"Source '{source.Name}' has kept failing, so its circuit is open and it was not asked; it will be tried again after {source.Resilience.BreakDuration.TotalMinutes:0.#} min."),
            TransientSourceException => $"{e.Message} Gave up after {tries}.",
            HttpRequestException => $"Source '{source.Name}' could not be reached: {e.Message} Gave up after {tries}.",
            DbException => $"Source '{source.Name}': the database query failed: {e.Message} ({tries}).",
            SourceFailedException or ConfigurationProblemException => e.Message,
            _ => $"Source '{source.Name}' failed: {e.GetType().Name}: {e.Message}",
        };
    }

    public static string? Scrub(string? message, IEnumerable<string> secrets)
    {
        if (message is null)
        {
            return null;
        }

        foreach (var secret in secrets.Where(s => s.Length >= 4))
        {
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        }

        return message;
    }
}
