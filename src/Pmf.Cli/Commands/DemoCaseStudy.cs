using System.Globalization;
using System.Text;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Cli.Commands;

/// <summary>
/// The demo's case study: one service sends its latest quarter's row again with a title in the Case study
/// column and its story in Commentary (the figure unchanged), as a service marks a story for the annual review.
/// </summary>
internal static class DemoCaseStudy
{
    // The latest quarter's current results from returns, a qualitative indicator first: the row the story rides on.
    internal const string CandidatesSql = """
        SELECT v."Indicator code" AS Code, v."Indicator name" AS Name, s.service_code AS Service, v."Result" AS Value, v."Status" AS Status
        FROM v_result AS v
        INNER JOIN dim_indicator AS i ON i.indicator_key = v."Indicator version key"
        INNER JOIN dim_service AS s ON s.service_key = v."Service key"
        WHERE v."Period" = @Period AND i.source = 'Return' AND v."Nil return" = 'No'
        ORDER BY CASE WHEN i.indicator_type = 'Qualitative' THEN 0 ELSE 1 END, v."Indicator code"
        """;

    /// <summary>The return to drop (its path and bytes), or null when the quarter has no result from a return.</summary>
    public static async Task<(string ReturnPath, byte[] Content)?> ReturnAsync(WarehouseDatabase warehouse, Period quarter, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, string Name, string Service, object? Value, string? Status)>(
            new CommandDefinition(CandidatesSql, new { Period = quarter.Key }, cancellationToken: cancellationToken));
        if (rows.FirstOrDefault() is not { Code: not null } row)
        {
            return null;
        }

        var value = row.Value is null or DBNull ? "" : Convert.ToDecimal(row.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var story = $"{row.Name}: a family in the district who had waited since the spring were helped within a week once the team changed how it works this quarter. "
            + "They told us the service was quicker and clearer than before, and the team now uses their experience to train new staff.";
        var csv = "Indicator,Period,Value,Status,Commentary,Case study\r\n"
            + $"{row.Code},{quarter.Key},{value},{row.Status},\"{story}\",What the change meant for one family\r\n";
        return ($"{row.Service}/{row.Service} {quarter.Key.Replace('/', '-')} case study.csv", Encoding.UTF8.GetBytes(csv));
    }
}
