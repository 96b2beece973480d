namespace Pmf.Pipeline.Sources;

/// <summary>
/// One service system the pipeline pulls KPIs from, as configured under <c>Pmf:Sources:&lt;name&gt;</c>.
/// Holds no secret: the API key, client secret or connection string is named by a setting
/// (<see cref="SourceAuth.SecretSetting"/>, <see cref="SqlSource.ConnectionStringSetting"/>) whose
/// value comes from app settings, the environment or a Key Vault reference.
/// </summary>
public sealed class SourceDefinition
{
    /// <summary>The source's name: the key of its section, and what indicators give as their <c>Source</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>rest</c> or <c>sql</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>When to pull: a six-field NCRONTAB expression (seconds first), as Azure Functions timers use, in UTC.</summary>
    public string Schedule { get; set; } = "0 0 6 * * *";

    /// <summary>False to keep the definition but never pull.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many days after a period ends its values may still change; later periods are final and never asked again.</summary>
    public int OpenDays { get; set; } = 90;

    /// <summary>
    /// The first day to ask for on a source's first pull (no watermark yet); default the start of the
    /// financial year before the one being pulled in.
    /// </summary>
    public DateOnly? BackfillFrom { get; set; }

    /// <summary>How to call a REST API (for <c>rest</c>).</summary>
    public RestSource Rest { get; set; } = new();

    /// <summary>How to query a database (for <c>sql</c>).</summary>
    public SqlSource Sql { get; set; } = new();

    /// <summary>Which fields of a record are the indicator, period, value and the rest.</summary>
    public SourceMapping Mapping { get; set; } = new();

    /// <summary>Timeout, retries and circuit breaker for this source.</summary>
    public SourceResilienceOptions Resilience { get; set; } = new();

    /// <summary>True for a REST source.</summary>
    public bool IsRest => string.Equals(Kind, SourceKinds.Rest, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a SQL source.</summary>
    public bool IsSql => string.Equals(Kind, SourceKinds.Sql, StringComparison.OrdinalIgnoreCase);
}
