using System.Data.Common;
using Polly;
using Polly.Timeout;

namespace Pmf.Pipeline.Sources;

/// <summary>Which failures are worth another try: timeouts, broken connections, "not now" statuses, transient database errors.</summary>
internal static class SourceTransience
{
    // Azure SQL's documented transient errors, the connection-level socket errors, deadlock and timeout.
    private static readonly HashSet<int> SqlServerTransient = [-2, 20, 64, 233, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540, 40613, 42108, 42109, 49918, 49919, 49920];

    public static PredicateBuilder<object> Predicate() => new PredicateBuilder()
        .Handle<TransientSourceException>()
        .Handle<HttpRequestException>()
        .Handle<TimeoutRejectedException>()
        .Handle<DbException>(IsTransient);

    public static bool IsTransient(DbException exception) =>
        exception.IsTransient
        || (exception is Microsoft.Data.SqlClient.SqlException sql && sql.Errors.Cast<Microsoft.Data.SqlClient.SqlError>().Any(e => SqlServerTransient.Contains(e.Number)));
}
