using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>The embedded default: each message becomes an .eml file in a folder, for a person or a mail relay to pick up.</summary>
/// <param name="folder">The outbox folder; created on first use.</param>
public sealed class OutboxMailTransport(string folder) : IMailTransport
{
    /// <summary>The outbox folder.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <inheritdoc/>
    public string Name => AlertOptions.Outbox;

    /// <inheritdoc/>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var name = $"{message.Date.UtcDateTime:yyyyMMdd'T'HHmmss}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(temp, cancellationToken);

        // Renamed into place whole, so whoever watches the folder never reads half a message.
        File.Move(temp, Path.Combine(Folder, name));
    }
}
