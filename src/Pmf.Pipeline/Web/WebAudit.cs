using Dapper;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Web;

/// <summary>The audit of every change made through a page (table <c>web_audit</c>): who, when, what, on which service.</summary>
public sealed class WebAudit(WarehouseDatabase warehouse, TimeProvider time)
{
    internal const string InsertSql = """
        INSERT INTO web_audit (at_utc, actor_email, actor_name, action, service_code, subject, detail)
        VALUES (@At, @Email, @Name, @Action, @Service, @Subject, @Detail)
        """;

    /// <summary>Records one change.</summary>
    public async Task RecordAsync(WebUser user, string action, string? serviceCode, string? subject, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            InsertSql,
            new { At = time.GetUtcNow().UtcDateTime, user.Email, user.Name, Action = action, Service = serviceCode, Subject = subject, Detail = detail },
            cancellationToken: cancellationToken));
    }
}
