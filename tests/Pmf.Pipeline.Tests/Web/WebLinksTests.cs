using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

public sealed class WebLinksTests
{
    [Theory]
    [InlineData("2026/27 Q2", "2026-27-Q2")]
    [InlineData("2026/27 M01", "2026-27-M01")]
    [InlineData("2026/27", "2026-27")]
    public void A_period_is_one_path_segment_that_reads_back_as_the_same_period(string code, string segment)
    {
        Assert.Equal(segment, WebLinks.PeriodSegment(code));
        Assert.True(WebLinks.TryReadPeriod(segment, out var period));
        Assert.Equal(code, period.Key);
    }

    [Theory]
    [InlineData("2026-27-Q5")]
    [InlineData("Q2")]
    [InlineData("../etc")]
    [InlineData("")]
    public void A_segment_that_is_not_a_period_is_not_read(string segment) => Assert.False(WebLinks.TryReadPeriod(segment, out _));

    [Fact]
    public void Links_keep_the_public_address_path_and_escape_codes()
    {
        var links = new WebLinks("https://intranet.ashby.gov.uk/pmf");

        Assert.Equal("https://intranet.ashby.gov.uk/pmf/follow-ups/42", links.FollowUp(42));
        Assert.Equal("https://intranet.ashby.gov.uk/pmf/results/ASH/ASH-HOU-01/2026-27-Q2", links.Result("ASH", "ASH-HOU-01", "2026/27 Q2"));
        Assert.Equal("/results/A%20B/X%2FY/2026-27", WebPaths.Result("A B", "X/Y", "2026/27"));
        Assert.Null(links.Result(null, "ASH-HOU-01", "2026/27 Q2"));
    }

    [Fact]
    public void Without_a_public_address_there_are_no_links()
    {
        Assert.False(WebLinks.None.Enabled);
        Assert.Null(WebLinks.None.FollowUp(1));
        Assert.Null(new WebLinks("  ").Result("ASH", "ASH-HOU-01", "2026/27 Q2"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("https://pmf.ashby.gov.uk/", null)]
    [InlineData("http://127.0.0.1:5080", null)]
    [InlineData("pmf.ashby.gov.uk", "Pmf:Web:PublicUrl is 'pmf.ashby.gov.uk', which is not a web address; set it to the address people open the pages at, e.g. https://pmf.council.gov.uk/, or leave it out.")]
    [InlineData("ftp://pmf.ashby.gov.uk/", "Pmf:Web:PublicUrl is 'ftp://pmf.ashby.gov.uk/', which is not a web address; set it to the address people open the pages at, e.g. https://pmf.council.gov.uk/, or leave it out.")]
    public void The_public_address_is_checked_with_one_sentence(string? url, string? problem) =>
        Assert.Equal(problem, new WebOptions { PublicUrl = url }.ValidateLinks());
}
