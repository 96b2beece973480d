using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Tests.Storage;

public sealed class ReturnPathTests
{
    [Theory]
    [InlineData("HOU/q1.xlsx", "HOU", "q1.xlsx")]
    [InlineData("FIN/Q1 return 2025-26.XLSX", "FIN", "Q1 return 2025-26.XLSX")]
    [InlineData("ASC/monthly.xlsm", "ASC", "monthly.xlsm")]
    [InlineData("ENV/old format.xls", "ENV", "old format.xls")]
    [InlineData("HOU/q1.csv", "HOU", "q1.csv")]
    [InlineData("HOU/Rhif tai – Ch1.xlsx", "HOU", "Rhif tai – Ch1.xlsx")]
    public void A_service_folder_and_a_readable_file_is_accepted(string name, string service, string fileName)
    {
        var check = ReturnPath.Parse(name);

        Assert.True(check.Accepted, check.Problem);
        Assert.Equal(service, check.Path.Service);
        Assert.Equal(fileName, check.Path.FileName);
        Assert.Equal(name, check.Path.Name);
        Assert.Equal(new StoredPath(StorageContainers.Returns, name), check.Path.Stored);
    }

    [Theory]
    [InlineData("../etc/passwd", "climb out")]
    [InlineData("/abs/x.xlsx", "absolute path")]
    [InlineData("C:/returns/x.xlsx", "absolute path")]
    [InlineData("HOU/../FIN/x.xlsx", "climb out")]
    [InlineData("HOU/./x.xlsx", "climb out")]
    [InlineData("HOU\\x.xlsx", "backslash")]
    [InlineData("HOU/x\u0007.xlsx", "control character (U+0007)")]
    [InlineData("HOU/x\u0000.xlsx", "control character (U+0000)")]
    [InlineData("HOU//x.xlsx", "empty folder or file name")]
    [InlineData("HOU/", "empty folder or file name")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("HOU/sub/x.xlsx", "sub-folder")]
    [InlineData("x.xlsx", "not in a service folder")]
    [InlineData("C:x.xlsx ", "is at the top of returns/, not in a service folder")]
    [InlineData("HOU/x:stream.xlsx", "contains ':'")]
    [InlineData("HOU/x.xlsx ", "ends with a space")]
    public void An_unsafe_or_misplaced_name_is_refused_with_the_reason_and_no_location(string name, string reason)
    {
        var check = ReturnPath.Parse(name);

        Assert.False(check.Accepted);
        Assert.Null(check.Path);
        Assert.Contains(reason, check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_name_is_refused_not_thrown()
    {
        var check = ReturnPath.Parse(null);

        Assert.False(check.Accepted);
        Assert.Equal("The file name is empty.", check.Problem);
    }

    [Fact]
    public void A_file_name_over_255_characters_is_refused()
    {
        var check = ReturnPath.Parse("HOU/" + new string('a', 251) + ".xlsx");

        Assert.False(check.Accepted);
        Assert.Contains("longer than 255 characters", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_of_exactly_255_characters_is_accepted()
    {
        Assert.True(ReturnPath.Parse("HOU/" + new string('a', 250) + ".xlsx").Accepted);
    }

    [Theory]
    [InlineData("HOU/x.exe", "is a .exe file; we read .xlsx, .xlsm, .xls or .csv files.")]
    [InlineData("HOU/x.pdf", "is a .pdf file; we read .xlsx, .xlsm, .xls or .csv files.")]
    [InlineData("HOU/README", "has no file extension; we read .xlsx, .xlsm, .xls or .csv files.")]
    [InlineData("HOU/~$q1.xlsx", "is an Excel lock file")]
    public void A_file_we_cannot_read_is_refused_but_keeps_its_location_so_it_can_be_moved_to_rejected(string name, string reason)
    {
        var check = ReturnPath.Parse(name);

        Assert.False(check.Accepted);
        Assert.NotNull(check.Path);
        Assert.Equal("HOU", check.Path.Service);
        Assert.Contains(reason, check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_shows_control_characters_escaped_so_reports_stay_readable()
    {
        var check = ReturnPath.Parse("HOU/x\u0007.xlsx");

        Assert.StartsWith("'HOU/x\\u0007.xlsx' contains", check.Problem, StringComparison.Ordinal);
    }
}
