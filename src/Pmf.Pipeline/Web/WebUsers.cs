using Dapper;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Web;

/// <summary>
/// Gives a person their scope from the catalogue as it stands: the services whose head of service, director
/// or return contact they are (matched on the e-mail address, ignoring case), and the performance team from
/// <c>Pmf:Web:PerformanceTeam</c>. Read afresh for every request, so a catalogue load changes it at once.
/// </summary>
public sealed class WebUsers(WarehouseDatabase warehouse, WebOptions options)
{
    // Every service with the person's part in it (-1: none); a few dozen rows.
    internal const string ServicesSql = """
        SELECT s.service_code AS Code, s.service_name AS Name,
               CASE WHEN LOWER(s.head_of_service_email) = @Email THEN 2
                    WHEN LOWER(s.director_email) = @Email THEN 1
                    WHEN EXISTS (SELECT 1 FROM service_return_contact AS c WHERE c.service_key = s.service_key AND c.email = @Email) THEN 0
                    ELSE -1 END AS Role
        FROM dim_service AS s
        ORDER BY s.service_code
        """;

    /// <summary>The person with their scope.</summary>
    public async Task<WebUser> ScopeAsync(WebPerson person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var email = person.Email.Trim().ToLowerInvariant();
        var team = options.PerformanceTeamEmails.Contains(email, StringComparer.OrdinalIgnoreCase);
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, string Name, int Role)>(
            new CommandDefinition(ServicesSql, new { Email = email }, cancellationToken: cancellationToken));
        return new WebUser(person.Name, person.Email, team, [.. rows
            .Where(r => team || r.Role >= 0)
            .Select(r => new WebService(r.Code, r.Name, r.Role < 0 ? ServiceRole.PerformanceTeam : (ServiceRole)r.Role))]);
    }
}
