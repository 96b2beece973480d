using System.Globalization;
using System.Text;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>
/// The embedded warehouse writes a decimal as Microsoft.Data.Sqlite's custom format would, from the
/// faster general format: the text must be the same for every decimal, whatever its scale and sign.
/// </summary>
public sealed class SqliteDecimalTextTests
{
    public static TheoryData<decimal> Edges() =>
    [
        0m, 0.000m, new decimal(0, 0, 0, isNegative: true, scale: 2), 1m, -1m, 10m, 100.000m, 85.50m, 0.1m, -0.000001m, 1e-28m, -1e-28m,
        decimal.MaxValue, decimal.MinValue, 0.3333333333333333333333333333m, 7.9228162514264337593543950335m, 1234567.1234567m,
        123456789012345678901234567.8m, 5000m, 0.5m, -12.340m,
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void An_edge_is_written_as_the_custom_format_writes_it(decimal value) =>
        Assert.Equal(value.ToString(SqliteDecimalText.Format, CultureInfo.InvariantCulture), Written(value));

    [Fact]
    public void Random_decimals_of_every_scale_are_written_as_the_custom_format_writes_them()
    {
        var random = new Random(20261203);
        for (var i = 0; i < 200_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(), random.Next(4) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(29));
            Assert.Equal(value.ToString(SqliteDecimalText.Format, CultureInfo.InvariantCulture), Written(value));
        }
    }

    private static string Written(decimal value)
    {
        Span<byte> text = stackalloc byte[SqliteDecimalText.MaxLength];
        return Encoding.UTF8.GetString(text[..SqliteDecimalText.Write(value, text)]);
    }
}
