using Microsoft.Extensions.Configuration;
using Pmf.Pipeline.Sources;

namespace Pmf.Pipeline.Samples;

/// <summary>The demo's running service systems and what a pull needs to reach them; dispose to stop the API.</summary>
/// <param name="HousingApi">The housing REST API on 127.0.0.1.</param>
/// <param name="RevenuesDatabase">The path of the revenues SQLite database.</param>
/// <param name="Sources">The two source definitions.</param>
/// <param name="Settings">The settings holding the API key and connection string, to add to a host's configuration.</param>
public sealed record SampleSourceSet(SampleHousingApi HousingApi, string RevenuesDatabase, IReadOnlyList<SourceDefinition> Sources, IReadOnlyDictionary<string, string?> Settings) : IAsyncDisposable
{
    /// <summary>The secrets a pull job reads from <see cref="Settings"/>.</summary>
    public SourceSecrets Secrets { get; } = new(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());

    /// <inheritdoc />
    public ValueTask DisposeAsync() => HousingApi.DisposeAsync();
}
