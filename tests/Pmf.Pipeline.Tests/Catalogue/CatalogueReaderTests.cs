using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Tests.Catalogue;

public sealed class CatalogueReaderTests
{
    [Fact]
    public void The_default_catalogue_loads_without_problems()
    {
        var result = new CatalogueWorkbookBuilder().Read();

        Assert.Empty(result.Problems);
        var framework = Assert.IsType<Framework>(result.Framework);
        Assert.Equal(["ABC", "XYZ"], framework.Councils.Select(c => c.Code));
        Assert.Equal(new Priority("ABC", "P1", "Homes", "O2", "Fewer empty homes"), framework.Priorities[1]);
        Assert.Equal(new Service("ENV", "Environment", "Alex Smith", "alex.smith@anytown.gov.uk", null, null), framework.Services[1]);
        Assert.Equal(5, framework.Indicators.Count);
        Assert.Equal(6, framework.Targets.Count);
    }

    [Fact]
    public void Indicator_cells_are_read_with_their_documented_defaults()
    {
        var indicators = new CatalogueWorkbookBuilder().Read().Framework!.Indicators.ToDictionary(i => i.Code);

        var homes = indicators["HOU-01"];
        Assert.Equal(("ABC", "P1", "O1", "HOU"), (homes.CouncilCode, homes.PriorityCode, homes.ObjectiveCode, homes.ServiceCode));
        Assert.Equal((IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Quarterly), (homes.Type, homes.Unit, homes.Polarity, homes.Frequency));
        Assert.Equal(1m, homes.Multiplier);
        Assert.Equal(new Tolerance(5m, true), homes.Tolerance);
        Assert.Equal("Housing Committee", homes.Committee);

        Assert.Equal(100m, indicators["ENV-01"].Multiplier);
        Assert.Equal(10, indicators["ENV-01"].DueWorkingDays);
        Assert.Equal(Indicator.ReturnSource, indicators["ENV-01"].Source);
        Assert.Equal(new Tolerance(2m, false), indicators["HOU-02"].Tolerance);
        Assert.Equal(new DateOnly(2025, 4, 1), indicators["HOU-02"].ActiveFrom);
        Assert.Equal((1000m, "Bartec", Polarity.LowerIsBetter), (indicators["ENV-02"].Multiplier, indicators["ENV-02"].Source, indicators["ENV-02"].Polarity));
        Assert.Equal((Unit.Score, Polarity.None, Tolerance.None), (indicators["HOU-03"].Unit, indicators["HOU-03"].Polarity, indicators["HOU-03"].Tolerance));
    }

    [Fact]
    public void Targets_are_read_for_years_and_periods_with_percent_cells_in_percent()
    {
        var targets = new CatalogueWorkbookBuilder().Read().Framework!.Targets;

        Assert.Equal(new Target("HOU-01", Period.Annual(2025), 400m, null), targets[0]);
        Assert.Equal(new Target("HOU-01", Period.Quarter(2025, 1), 90m, 80m), targets[1]);
        Assert.Equal(85m, targets[2].Value);
        Assert.Equal(new Target("ENV-01", Period.Month(2025, 1), 52m, null), targets[4]);
    }

    [Fact]
    public void Sheet_and_column_names_are_matched_loosely_and_titles_may_sit_above_the_header()
    {
        var result = new CatalogueWorkbookBuilder()
            .RenameSheet("Indicators", "KPIs")
            .RenameSheet("Councils", "COUNCILS ")
            .RenameColumn("Indicators", "Due (working days)", "due_working-days")
            .RenameColumn("Indicators", "Code", "PI Code")
            .RenameColumn("Services", "Head of service email", "HEAD OF SERVICE E-MAIL")
            .TitleRows("Indicators", "Anytown performance indicators 2025/26", "Owner: Performance team")
            .Read();

        Assert.Empty(result.Problems);
        Assert.Equal(15, result.Framework!.Indicators.Single(i => i.Code == "HOU-02").DueWorkingDays);
    }
}
