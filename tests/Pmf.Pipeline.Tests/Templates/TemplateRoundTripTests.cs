using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Templates;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Templates;

/// <summary>
/// A template is the return format filled in as far as the pipeline can: what comes back, filled in by a
/// person, must pass the gate without a single issue, and a template spoiled by hand must be caught.
/// Against a real SQLite warehouse holding the sample framework and Housing's 2026/27 Q1 return, as of
/// 23 November 2026 (so 2026/27 Q2 has ended).
/// </summary>
public sealed class TemplateRoundTripTests
{
    private static readonly Period Q2 = Period.Quarter(2026, 2);

    [Theory]
    [InlineData("HOU")]
    [InlineData("COM")]
    public async Task A_template_filled_in_as_a_person_would_is_ingested_with_no_issues_and_its_values_land(string service)
    {
        await using var harness = await HarnessWithLastQuarterAsync();
        var template = (await new TemplateQuery(harness.Warehouse.Database).BuildAsync(service, Q2, CancellationToken.None))!;
        var red = template.Lines.FirstOrDefault(l => l.Target is not null && l.Period.Frequency == Frequency.Quarterly && !l.IsQualitative);
        var person = new TemplatePerson(TemplateWorkbook.ToBytes(template));

        person.FillAll(template, red);
        var outcome = await harness.DropAndIngestAsync($"{service}/{template.FileName}", person.Save());

        Assert.True(outcome.Issues.Count == 0, string.Join("\n", outcome.Issues.Select(i => $"{i.RuleId} row {i.Row} {i.Column}: {i.Message}")));
        Assert.Equal(SubmissionVerdict.Accepted, outcome.Verdict);
        Assert.Equal(template.Lines.Count, outcome.Load!.RowsLoaded);
        var loaded = await harness.QueryAsync<LoadedRow>(
            """
            SELECT r.indicator_code AS Code, p.period_code AS Period, CAST(r.result_value AS REAL) AS Value, r.status AS Status, r.rag AS Rag, r.commentary AS Commentary
            FROM fact_result r JOIN dim_period p ON p.period_key = r.period_key
            WHERE r.is_current = 1 AND r.submission_id = @Id
            """,
            new { Id = outcome.Load.SubmissionId });
        Assert.Equal(person.Typed.Count, loaded.Count);
        foreach (var row in loaded)
        {
            var typed = person.Typed[(row.Code, row.Period)];
            Assert.Equal(typed.Value, row.Value);
            Assert.Equal(typed.Status, row.Status);
            Assert.Equal(typed.Red, row.Rag == "Red");
        }

        if (red is not null)
        {
            var redRow = Assert.Single(loaded, r => r.Rag == "Red");
            Assert.Equal((red.Indicator.Code, red.Period.Key), (redRow.Code, redRow.Period));
            Assert.NotNull(redRow.Commentary);
        }
    }

    [Fact]
    public async Task A_template_spoiled_by_hand_gets_the_issues_for_what_was_spoiled_and_loads_the_rest()
    {
        await using var harness = await HarnessWithLastQuarterAsync();
        var template = (await new TemplateQuery(harness.Warehouse.Database).BuildAsync("HOU", Q2, CancellationToken.None))!;
        var person = new TemplatePerson(TemplateWorkbook.ToBytes(template));
        person.FillAll(template);
        var overwritten = person.RowOf("ASH-HOU-01", "2026/27 Q2");
        var wordy = person.RowOf("BRK-HOU-01", "2026/27 Q2");
        var blank = person.RowOf("ASH-HOU-04", "2026/27 Q2");

        // Unprotected and overwritten: a code typed over; a value in words; a row left as it came.
        person.Sheet.Cell(overwritten, 1).SetValue("ASH-HOU-1");
        person.Type(wordy, "Value", "about 30");
        foreach (var column in new[] { "Value", "Numerator", "Denominator", "Commentary", "Remedial action" })
        {
            person.Cell(blank, column).Clear();
        }

        var outcome = await harness.DropAndIngestAsync($"HOU/{template.FileName}", person.Save());

        Assert.Equal(SubmissionVerdict.AcceptedWithWarnings, outcome.Verdict);
        var expected = new (string Rule, int? Row, string? Column)[]
        {
            ("DQ011", overwritten, ReturnColumns.Indicator), ("DQ040", wordy, ReturnColumns.Value), ("DQ041", blank, ReturnColumns.Value),
        };
        Assert.Equal(expected.OrderBy(e => e.Row), outcome.Issues.Select(i => (i.RuleId, i.Row, i.Column)).OrderBy(i => i.Row));
        Assert.Contains("ASH-HOU-01", outcome.Issues.Single(i => i.RuleId == "DQ011").Message, StringComparison.Ordinal);
        Assert.Equal(template.Lines.Count - 3, outcome.Load!.RowsLoaded);
    }

    /// <summary>The harness with Housing's and Communities' 2026/27 Q1 returns in: last period's values for Q2.</summary>
    private static async Task<IngestHarness> HarnessWithLastQuarterAsync()
    {
        var harness = await IngestHarness.CreateAsync();
        foreach (var file in Pipeline.Samples.SampleReturns.Create(IngestHarness.Framework, new DateOnly(2026, 10, 20))
                     .Where(f => f.ServiceCode is "HOU" or "COM" && f.FileName.Contains("2026-27 Q1", StringComparison.Ordinal) && f.StatedPeriod is null))
        {
            await harness.DropAndIngestAsync(file);
        }

        return harness;
    }

    public sealed class LoadedRow
    {
        public string Code { get; init; } = "";

        public string Period { get; init; } = "";

        public decimal? Value { get; init; }

        public string? Status { get; init; }

        public string Rag { get; init; } = "";

        public string? Commentary { get; init; }
    }
}
