using Cronos;

namespace Pmf.Pipeline.Sources;

/// <summary>Checks a source definition before it is used; each problem is a sentence naming the setting to fix.</summary>
public static class SourceDefinitionCheck
{
    /// <summary>The definition's problems; empty when it can run.</summary>
    public static IReadOnlyList<string> Problems(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var at = $"{SourceSettings.Section}:{source.Name}";
        var problems = new List<string>();
        if (Schedule(source.Schedule) is null)
        {
            problems.Add($"{at}:Schedule '{source.Schedule}' is not a six-field NCRONTAB expression (second minute hour day month weekday), e.g. '0 0 6 * * *'.");
        }

        if (source.IsRest)
        {
            RestProblems(source, at, problems);
        }
        else if (source.IsSql)
        {
            if (string.IsNullOrWhiteSpace(source.Sql.Query))
            {
                problems.Add($"{at}:Sql:Query is empty; give the query, with @periodStart and @periodEnd.");
            }

            if (string.IsNullOrWhiteSpace(source.Sql.ConnectionStringSetting))
            {
                problems.Add($"{at}:Sql:ConnectionStringSetting is empty; name the setting that holds the connection string.");
            }

            if (string.IsNullOrWhiteSpace(source.Mapping.Period))
            {
                problems.Add($"{at}:Mapping:Period is empty; a SQL source must say which column holds the period.");
            }
        }
        else
        {
            problems.Add($"{at}:Kind '{source.Kind}' is not '{SourceKinds.Rest}' or '{SourceKinds.Sql}'.");
        }

        if (string.IsNullOrWhiteSpace(source.Mapping.Indicator) && string.IsNullOrWhiteSpace(source.Mapping.IndicatorCode))
        {
            problems.Add($"{at}:Mapping needs Indicator (the field with the code) or IndicatorCode (one fixed code).");
        }

        if (string.IsNullOrWhiteSpace(source.Mapping.Value))
        {
            problems.Add($"{at}:Mapping:Value is empty; say which field holds the value.");
        }

        if (source.OpenDays < 0 || source.Resilience.Retries < 0 || source.Resilience.Timeout <= TimeSpan.Zero || source.Resilience.BreakAfter < 2)
        {
            problems.Add($"{at}: OpenDays and Resilience:Retries must not be negative, Resilience:Timeout must be positive and Resilience:BreakAfter at least 2.");
        }

        return problems;
    }

    /// <summary>The parsed schedule, or null when it is not a six-field NCRONTAB expression.</summary>
    public static CronExpression? Schedule(string schedule)
    {
        return CronExpression.TryParse(schedule ?? "", CronFormat.IncludeSeconds, out var expression) ? expression : null;
    }

    private static void RestProblems(SourceDefinition source, string at, List<string> problems)
    {
        var rest = source.Rest;
        if (!Uri.TryCreate(RestUrl.Fill(rest.Url, SourceWindow.Example), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{at}:Rest:Url '{rest.Url}' is not an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(source.Mapping.Period) && !rest.Url.Contains(RestUrl.PeriodKey, StringComparison.Ordinal))
        {
            problems.Add($"{at}:Mapping:Period is empty, so the URL must ask for one period at a time with {RestUrl.PeriodKey}.");
        }

        if (!Is(rest.Paging.Kind, SourceKinds.None, SourceKinds.NextLink, SourceKinds.PageNumber))
        {
            problems.Add($"{at}:Rest:Paging:Kind '{rest.Paging.Kind}' is not none, nextLink or pageNumber.");
        }

        var auth = rest.Auth;
        if (!Is(auth.Kind, SourceKinds.None, SourceKinds.ApiKey, SourceKinds.OAuth2, SourceKinds.Entra))
        {
            problems.Add($"{at}:Rest:Auth:Kind '{auth.Kind}' is not none, apiKey, oauth2 or entra.");
        }
        else if (Is(auth.Kind, SourceKinds.ApiKey, SourceKinds.OAuth2) && string.IsNullOrWhiteSpace(auth.SecretSetting))
        {
            problems.Add($"{at}:Rest:Auth:SecretSetting is empty; name the setting (or Key Vault reference) that holds the secret.");
        }
        else if (Is(auth.Kind, SourceKinds.OAuth2) && (string.IsNullOrWhiteSpace(auth.TokenUrl) || string.IsNullOrWhiteSpace(auth.ClientId)))
        {
            problems.Add($"{at}:Rest:Auth needs TokenUrl and ClientId for oauth2.");
        }
        else if (Is(auth.Kind, SourceKinds.Entra) && string.IsNullOrWhiteSpace(auth.Scope))
        {
            problems.Add($"{at}:Rest:Auth:Scope is empty; entra needs the scope to ask a token for, e.g. api://housing/.default.");
        }
    }

    private static bool Is(string value, params string[] kinds) => kinds.Any(k => string.Equals(value, k, StringComparison.OrdinalIgnoreCase));
}
