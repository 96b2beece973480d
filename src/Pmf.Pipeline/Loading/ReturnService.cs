using Dapper;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Loading;

/// <summary>The service a return's folder names, as the catalogue holds it, and who the upload says sent the file.</summary>
internal sealed class ReturnService
{
    internal const string ServiceSql = """
        SELECT service_code AS Code, head_of_service_email AS HeadOfServiceEmail
        FROM dim_service WHERE UPPER(service_code) = UPPER(@Code)
        """;

    internal const string ServiceCodesSql = "SELECT service_code FROM dim_service ORDER BY service_code";

    // submission.sender is nvarchar(320), the longest e-mail address.
    private const int MaxSenderLength = 320;

    /// <summary>The service's code as the catalogue spells it.</summary>
    public string Code { get; init; } = "";

    /// <summary>Its head of service's address.</summary>
    public string HeadOfServiceEmail { get; init; } = "";

    /// <summary>The service with <paramref name="code"/> (any case), or null when the catalogue has none.</summary>
    public static async Task<ReturnService?> FindAsync(WarehouseDatabase warehouse, string code, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ReturnService>(new CommandDefinition(ServiceSql, new { Code = code }, cancellationToken: cancellationToken));
    }

    /// <summary>Every service code, to tell a sender which folders there are.</summary>
    public static async Task<IEnumerable<string>> CodesAsync(WarehouseDatabase warehouse, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        return await connection.QueryAsync<string>(new CommandDefinition(ServiceCodesSql, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Who the uploader says sent the file (blob metadata, the local sidecar), on one line and no longer
    /// than the column, else the head of service. It is recorded and named in the report; the report goes
    /// to it only when the catalogue holds that address for the service (<see cref="Feedback.SubmissionReport.SenderIsServiceContact"/>).
    /// </summary>
    public static string Sender(StoredFileInfo info, ReturnService? service)
    {
        var claimed = info.Metadata.TryGetValue(StorageMetadata.Sender, out var sender) ? SafeText.OneLine(sender) : "";
        return claimed.Length > 0 ? claimed[..Math.Min(claimed.Length, MaxSenderLength)] : service?.HeadOfServiceEmail ?? "unknown sender";
    }
}
