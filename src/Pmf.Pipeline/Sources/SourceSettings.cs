using Microsoft.Extensions.Configuration;

namespace Pmf.Pipeline.Sources;

/// <summary>Reads source definitions from configuration: one child of <see cref="Section"/> per source, named by its key.</summary>
public static class SourceSettings
{
    /// <summary>The configuration section holding the sources.</summary>
    public const string Section = "Pmf:Sources";

    /// <summary>Every source defined under <see cref="Section"/>, in name order.</summary>
    public static IReadOnlyList<SourceDefinition> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sources = new List<SourceDefinition>();
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            var definition = new SourceDefinition();
            Settings.BindSection(configuration, child.Path, definition);
            definition.Name = child.Key;
            sources.Add(definition);
        }

        return [.. sources.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];
    }
}
