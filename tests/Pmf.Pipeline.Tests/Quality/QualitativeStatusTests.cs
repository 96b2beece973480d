using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class QualitativeStatusTests
{
    [Theory]
    [InlineData("On track", QualitativeStatus.OnTrack)]
    [InlineData("on-track", QualitativeStatus.OnTrack)]
    [InlineData("ON TRACK", QualitativeStatus.OnTrack)]
    [InlineData(" On track. ", QualitativeStatus.OnTrack)]
    [InlineData("Ontrack", QualitativeStatus.OnTrack)]
    [InlineData("On target", QualitativeStatus.OnTrack)]
    [InlineData("Green", QualitativeStatus.OnTrack)]
    [InlineData("Green - on track", QualitativeStatus.OnTrack)]
    [InlineData("At risk", QualitativeStatus.AtRisk)]
    [InlineData("at-risk", QualitativeStatus.AtRisk)]
    [InlineData("Amber", QualitativeStatus.AtRisk)]
    [InlineData("Off track", QualitativeStatus.OffTrack)]
    [InlineData("OFF-TRACK", QualitativeStatus.OffTrack)]
    [InlineData("Red", QualitativeStatus.OffTrack)]
    [InlineData("Red (off track)", QualitativeStatus.OffTrack)]
    [InlineData("Complete", QualitativeStatus.Complete)]
    [InlineData("Completed", QualitativeStatus.Complete)]
    [InlineData("Done", QualitativeStatus.Complete)]
    [InlineData("Blue", QualitativeStatus.Complete)]
    [InlineData("Not started", QualitativeStatus.NotStarted)]
    [InlineData("not-yet-started", QualitativeStatus.NotStarted)]
    public void Statuses_are_matched_loosely_to_their_canonical_spelling(string typed, string expected) =>
        Assert.Equal(expected, QualitativeStatus.Normalise(typed));

    [Theory]
    [InlineData("Not on track")]        // containment would read this as On track
    [InlineData("Green - off track")]   // a colour that contradicts the words
    [InlineData("Maybe")]
    [InlineData("G")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_recognised(string? typed) =>
        Assert.Null(QualitativeStatus.Normalise(typed));
}
