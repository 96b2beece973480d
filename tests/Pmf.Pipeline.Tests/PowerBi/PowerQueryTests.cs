using System.Diagnostics;
using System.Text.Json;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// Every Power Query (M) expression of the generated model, each partition's source and each parameter
/// in expressions.tmdl, parses with Microsoft's own M parser (@microsoft/powerquery-parser from npm, run
/// by tests/servers/parse-m.mjs), so Power BI Desktop will not stop on a syntax error at refresh.
/// </summary>
public sealed class PowerQueryTests(ReportingWarehouse warehouse) : IClassFixture<ReportingWarehouse>
{
    private readonly GeneratedProject _model = GeneratedProject.Read(warehouse.OutputFolder);

    [Fact]
    public async Task Every_partition_and_parameter_expression_parses_with_Microsofts_M_parser()
    {
        var expressions = _model.Tables
            .SelectMany(t => t.All("partition").Select(p => (Where: $"tables/{t.Name}.tmdl partition {p.Name}", Text: p.Properties["source"]!)))
            .Concat(_model.Expressions.Select(e => (Where: $"expressions.tmdl expression {e.Name}", Text: e.Expression!)))
            .ToList();
        Assert.Equal(PmfModel.Tables.Count + 4, expressions.Count);

        var errors = await ParseAsync(expressions);

        Assert.Equal(expressions.Count, errors.Count);
        Assert.True(errors.All(e => e.Error is null), string.Join("\n", errors.Where(e => e.Error is not null).Select(e => $"{e.Where}: {e.Error}")));
    }

    [Fact]
    public async Task The_parser_rejects_a_partition_with_an_unbalanced_bracket()
    {
        var source = _model.Table("Result").All("partition").Single().Properties["source"]!;

        var errors = await ParseAsync([("broken", source.Replace("[Data]", "[Data", StringComparison.Ordinal))]);

        Assert.NotNull(Assert.Single(errors).Error);
    }

    private static async Task<List<(string Where, string? Error)>> ParseAsync(IReadOnlyList<(string Where, string Text)> expressions)
    {
        var servers = Path.Combine(RepositoryRoot.Path, "tests", "servers");
        Assert.True(File.Exists(Path.Combine(servers, "node_modules", "@microsoft", "powerquery-parser", "package.json")),
            "@microsoft/powerquery-parser is not installed; run `npm ci` in tests/servers (the test project's build does it when it is missing).");
        var start = new ProcessStartInfo("node", ["parse-m.mjs"])
        {
            WorkingDirectory = servers,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(expressions.Select(e => new { where = e.Where, text = e.Text })));
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"parse-m.mjs exited with {process.ExitCode}: {await error}");
        using var results = JsonDocument.Parse(await output);
        return results.RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("where").GetString()!, r.GetProperty("error").GetString()))
            .ToList();
    }
}
