using System.Buffers.Binary;
using System.Text;

namespace Pmf.Pipeline.Tests.Workbooks;

/// <summary>Rewrites a zip entry's declared uncompressed size, as a zip bomb's central directory would claim.</summary>
internal static class ZipPatch
{
    private const uint CentralHeader = 0x02014b50;

    public static void DeclareUncompressedSize(byte[] zip, string entryName, long size)
    {
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) != CentralHeader)
            {
                continue;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28));
            if (Encoding.UTF8.GetString(zip, i + 46, nameLength) == entryName)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), checked((uint)size));
                return;
            }
        }

        throw new InvalidOperationException($"No entry {entryName}.");
    }
}
