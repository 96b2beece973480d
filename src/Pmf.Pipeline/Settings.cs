using Microsoft.Extensions.Configuration;

namespace Pmf.Pipeline;

/// <summary>Reading one options class from its settings section, the same way in every host.</summary>
public static class Settings
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/> (defaults where a setting is absent)
    /// and validates it.
    /// </summary>
    /// <param name="configuration">The settings.</param>
    /// <param name="section">The section, e.g. <c>Pmf:Alerts</c>.</param>
    /// <param name="validate">Returns what is wrong, in a sentence that says what to set, or null.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ConfigurationProblemException">The section is unusable.</exception>
    public static T Bind<T>(IConfiguration configuration, string section, Func<T, string?> validate)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(validate);
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return validate(options) is { } problem ? throw new ConfigurationProblemException(problem) : options;
    }
}
