using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Tests.Storage;

public sealed class StoredPathTests
{
    [Theory]
    [InlineData("returns", "../processed/x.xlsx")]
    [InlineData("processed", "/etc/passwd")]
    [InlineData("processed", "HOU\\x.xlsx")]
    [InlineData("archive", "HOU/x.xlsx")]
    [InlineData("..", "x")]
    public void A_path_that_could_escape_its_container_cannot_be_made(string container, string name)
    {
        Assert.Throws<ArgumentException>(() => new StoredPath(container, name));
    }

    [Fact]
    public void A_report_sits_beside_its_file_in_the_same_folder()
    {
        var moved = new StoredPath(StorageContainers.Processed, "HOU/20250714T101500Z_q1.xlsx");

        Assert.Equal("processed/HOU/20250714T101500Z_q1.xlsx.report.html", moved.Beside(".report.html").ToString());
        Assert.Throws<ArgumentException>(() => moved.Beside("/../x"));
    }
}
