using System.Security.Cryptography;
using System.Text;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// The lineageTag of a model object: a name-based UUID of its path in the model (<c>table/Result</c>,
/// <c>column/Result/RAG</c>), so regenerating the project gives every object the tag it had, and Power BI
/// Desktop and the service see the same object rather than a new one.
/// </summary>
public static class LineageTag
{
    /// <summary>The tag of the object at <paramref name="path"/>: RFC 9562 version 8 (name-based, SHA-256).</summary>
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("pmf-pipeline/" + path));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom, here a name hashed with SHA-256
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
