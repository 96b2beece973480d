namespace Pmf.Pipeline.Storage;

/// <summary>
/// A file waiting in the returns container. <see cref="Name"/> is raw: listing shows every file,
/// including ones whose name <see cref="ReturnPath.Parse"/> refuses, so nothing waits unseen.
/// </summary>
/// <param name="Name">The name inside the returns container, '/'-separated.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ReceivedAt">When the file arrived (its last-modified time).</param>
/// <param name="Version">Opaque version (blob ETag; local: length and write time); pass it to <see cref="IReturnStore.CompleteAsync"/>.</param>
public sealed record WaitingFile(string Name, long Size, DateTimeOffset ReceivedAt, string Version);
