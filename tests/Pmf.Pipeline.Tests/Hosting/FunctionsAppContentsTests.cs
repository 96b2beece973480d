using System.Reflection;
using Pmf.Functions;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>What the Functions app ships: the pipeline, and nothing only the demo and the tests need.</summary>
public sealed class FunctionsAppContentsTests
{
    [Fact]
    public void The_functions_app_ships_neither_the_demos_samples_nor_the_xls_writer_they_use()
    {
        var shipped = Closure(typeof(FunctionsHost).Assembly);

        Assert.Contains("Pmf.Pipeline", shipped);
        Assert.DoesNotContain("Pmf.Pipeline.Samples", shipped);
        Assert.DoesNotContain(shipped, name => name.StartsWith("NPOI", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("pmf", shipped);
    }

    /// <summary>The names of every assembly <paramref name="root"/> references, directly or through another.</summary>
    private static HashSet<string> Closure(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var waiting = new Queue<AssemblyName>(root.GetReferencedAssemblies());
        while (waiting.TryDequeue(out var name))
        {
            if (name.Name is null || !seen.Add(name.Name) || name.Name.StartsWith("System", StringComparison.Ordinal) || name.Name.StartsWith("Microsoft", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var next in Assembly.Load(name).GetReferencedAssemblies())
            {
                waiting.Enqueue(next);
            }
        }

        return seen;
    }
}
