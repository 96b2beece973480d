using System.Text.RegularExpressions;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>
/// The shape of functions/'s source: every [Function] method body is one statement calling a job, and
/// every binding name comes from <see cref="FunctionBindings"/>. FunctionsHostTests run the functions themselves.
/// </summary>
public sealed partial class FunctionAdapterTests
{
    /// <summary>Jobs written on other branches in parallel; remove each once it is merged and the test sees it.</summary>
    private static readonly HashSet<string> Pending = [];

    private static string Folder => Path.Combine(RepositoryRoot.Path, "functions", "Pmf.Functions");

    private static IReadOnlyList<(string File, string Text)> Sources() =>
        [.. Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];

    [Fact]
    public void The_app_has_exactly_the_six_functions_named_by_the_constants()
    {
        var names = Sources().SelectMany(s => FunctionAttribute().Matches(s.Text)).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { nameof(FunctionBindings.IngestReturn), nameof(FunctionBindings.LoadCatalogue), nameof(FunctionBindings.PullSources), nameof(FunctionBindings.Sweep), nameof(FunctionBindings.RefreshPowerBi), nameof(FunctionBindings.Pages) }.Order(StringComparer.Ordinal),
            names);
    }

    [Fact]
    public void Every_function_body_is_a_single_call_onto_a_job()
    {
        var checkedBodies = 0;
        foreach (var (file, text) in Sources())
        {
            foreach (Match function in FunctionAttribute().Matches(text))
            {
                var body = BodyAfter(text, function.Index);
                var statements = body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.True(statements.Length == 1, $"{file}: the body of {function.Groups["name"].Value} has {statements.Length} statements: {body}");
                if (function.Groups["name"].Value == nameof(FunctionBindings.Pages))
                {
                    // The pages' one trigger hands the request to the route table pmf serve serves.
                    Assert.Matches(@"^await\s+dispatcher\.DispatchAsync\(request\.HttpContext\)$", statements[0]);
                    continue;
                }

                Assert.Matches(@"^(await\s+)?job\.RunAsync\([^;]*cancellationToken\)$", statements[0]);

                var job = JobParameter().Match(text);
                Assert.True(job.Success, $"{file}: the class takes no `XxxJob job` in its constructor");
                var jobName = job.Groups["type"].Value;
                var type = typeof(IngestReturnJob).Assembly.GetType($"{typeof(IngestReturnJob).Namespace}.{jobName}");
                Assert.True(type is not null || Pending.Contains(jobName), $"{file}: {jobName} is not a job in Pmf.Pipeline.Jobs");
                if (type is not null)
                {
                    Assert.Contains(type.GetMethods(), m => m.Name == "RunAsync" && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken));
                }

                checkedBodies++;
            }
        }

        Assert.Equal(5, checkedBodies);
    }

    [Fact]
    public void No_binding_is_spelled_out_in_the_functions_app_every_name_comes_from_the_pipeline()
    {
        Assert.All(Sources(), s => Assert.False(s.Text.Contains('"', StringComparison.Ordinal), $"{s.File} contains a string literal"));
        var triggers = Sources().SelectMany(s => TriggerAttribute().Matches(s.Text)).Select(m => m.Value).ToList();

        Assert.Equal(5, triggers.Count);
        Assert.All(triggers, t => Assert.Contains("FunctionBindings.", t, StringComparison.Ordinal));
        Assert.All(triggers.Where(t => t.StartsWith("[BlobTrigger", StringComparison.Ordinal)), t =>
        {
            Assert.Contains("Source = BlobTriggerSource.EventGrid", t, StringComparison.Ordinal);
            Assert.Contains("Connection = FunctionBindings.StorageConnection", t, StringComparison.Ordinal);
        });
    }

    /// <summary>The text between the first '{' after <paramref name="from"/> and its matching '}'.</summary>
    private static string BodyAfter(string text, int from)
    {
        var open = text.IndexOf('{', from);
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[(open + 1)..i].Trim();
            }
        }

        throw new InvalidOperationException("Unbalanced braces.");
    }

    [GeneratedRegex(@"\[Function\(FunctionBindings\.(?<name>\w+)\)\]")]
    private static partial Regex FunctionAttribute();

    [GeneratedRegex(@"\[(BlobTrigger|TimerTrigger)\([^\]]*\)\]")]
    private static partial Regex TriggerAttribute();

    [GeneratedRegex(@"class \w+\((?<type>\w+Job) job\)")]
    private static partial Regex JobParameter();
}
