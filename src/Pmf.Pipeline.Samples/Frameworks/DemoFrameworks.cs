using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Samples.Frameworks;

/// <summary>A framework <c>pmf demo --framework NAME</c> can run.</summary>
/// <param name="Name">What <c>--framework</c> takes, e.g. <c>stroud</c>.</param>
/// <param name="Title">Who it is, as the demo says it.</param>
/// <param name="Create">The framework, with targets for a financial year and the year before it.</param>
public sealed record DemoFramework(string Name, string Title, Func<FinancialYear, Framework> Create);

/// <summary>The frameworks the demo ships: the made-up joint councils, and the two councils of the seeds.</summary>
public static class DemoFrameworks
{
    /// <summary>The demo's default framework: South Oxfordshire and the Vale of White Horse.</summary>
    public const string Default = "south-vale";

    /// <summary>The invented joint councils the library's tests are written against.</summary>
    public const string Invented = "ashby-brookmere";

    /// <summary>Every framework, by name.</summary>
    public static IReadOnlyList<DemoFramework> All { get; } =
    [
        new(Default, "South Oxfordshire and Vale of White Horse District Councils (Corporate Plans 2020-24)", SouthValeFramework.Create),
        new("stroud", "Stroud District Council (Council Plan 2021-26, committee system)", StroudFramework.Create),
        new(Invented, "Ashby Vale and Brookmere (an invented joint-council partnership)", SampleFramework.Create),
    ];

    /// <summary>The framework called <paramref name="name"/>.</summary>
    /// <exception cref="ConfigurationProblemException">No framework has that name; the message lists them.</exception>
    public static DemoFramework Named(string? name)
    {
        var wanted = string.IsNullOrWhiteSpace(name) ? Default : name.Trim();
        return All.FirstOrDefault(f => string.Equals(f.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new ConfigurationProblemException($"--framework: there is no demo framework '{wanted}'; pass one of {string.Join(", ", All.Select(f => f.Name))}.");
    }
}
