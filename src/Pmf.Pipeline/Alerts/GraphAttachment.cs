namespace Pmf.Pipeline.Alerts;

/// <summary>
/// One part of a message as Graph takes it: a file attachment, or an inline one (an image the HTML
/// body shows) with its Content-Id.
/// </summary>
internal sealed record GraphAttachment(string Name, string ContentType, ReadOnlyMemory<byte> Bytes, bool IsInline, string? ContentId);
