using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Tests.Quality;

/// <summary>What the gate judges for the load as rows pass, when its history is the warehouse's (GateJudgedCompletionTests checks the stored outcome).</summary>
public sealed class GateJudgementTests
{
    [Fact]
    public void A_row_is_judged_against_the_file_before_the_warehouse_and_goes_in_current_only_for_a_new_key()
    {
        var gate = new QualityGate(Some.Context().QuarterlyHistory("HOU-01", 95m, 90m).Build() with { HoldsWarehouseHistory = true });

        var corrected = gate.Check(Some.Row(period: "2025/26 Q1", value: "80", row: 2)).Result!.Judged!;
        var next = gate.Check(Some.Row(period: "2025/26 Q2", value: "85", row: 3)).Result!.Judged!;

        // 2025/26 Q1 replaces the warehouse's 90 (so it is not new) and is worse than the 95 before it; nothing after it is stored.
        Assert.Equal((DirectionOfTravel.Worsening, false, false), (corrected.VsPrevious, corrected.NewKey, corrected.HasStoredNeighbour));
        // 2025/26 Q2 compares with the file's 80, not the warehouse's 90.
        Assert.Equal((DirectionOfTravel.Improving, true, true), (next.VsPrevious, next.NewKey, next.Settled));
    }

    [Fact]
    public void A_row_for_an_earlier_period_further_down_marks_the_rows_it_compares_with_as_stale()
    {
        var gate = new QualityGate(Some.Context().Build() with { HoldsWarehouseHistory = true });

        var later = gate.Check(Some.Row(period: "2025/26 Q2", value: "85", row: 2)).Result!.Judged!;
        var earlier = gate.Check(Some.Row(period: "2025/26 Q1", value: "80", row: 3)).Result!.Judged!;
        var yearAgo = gate.Check(Some.Row(period: "2024/25 Q2", value: "70", row: 4)).Result!.Judged!;

        Assert.Equal(DirectionOfTravel.NotComparable, later.VsPrevious);
        Assert.Equal((true, false), (earlier.NextIsStale, earlier.NextYearIsStale));
        Assert.Equal((false, true), (yearAgo.NextIsStale, yearAgo.NextYearIsStale));
    }

    [Fact]
    public void Values_beyond_what_the_warehouse_keeps_exactly_are_left_for_the_warehouse_to_judge()
    {
        var gate = new QualityGate(Some.Context().QuarterlyHistory("HOU-01", 90m).Build() with { HoldsWarehouseHistory = true });

        var judged = gate.Check(Some.Row(value: "90.00000001", row: 2)).Result!.Judged!;

        Assert.False(judged.Settled);
    }

    [Fact]
    public void A_gate_whose_history_is_not_the_warehouses_judges_nothing()
    {
        var result = Some.Gate().Check(Some.Row()).Result!;

        Assert.Null(result.Judged);
    }
}
