using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Pmf.Pipeline;

/// <summary>Reading one options class from its settings section, the same way in every host.</summary>
public static partial class Settings
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
        ArgumentNullException.ThrowIfNull(validate);
        var options = new T();
        BindSection(configuration, section, options);
        return validate(options) is { } problem ? throw new ConfigurationProblemException(problem) : options;
    }

    /// <summary>
    /// Binds <paramref name="options"/> from <paramref name="section"/>. A value of the wrong type
    /// (<c>ReminderWorkingDays=three</c>) is a <see cref="ConfigurationProblemException"/> naming the setting and its value.
    /// </summary>
    /// <exception cref="ConfigurationProblemException">A value does not convert to its setting's type.</exception>
    public static void BindSection(IConfiguration configuration, string section, object options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationProblemException(WrongType(configuration, section, e), e);
        }
    }

    private static string WrongType(IConfiguration configuration, string section, InvalidOperationException e)
    {
        // The binder's message names the key and the type: "Failed to convert configuration value at 'Pmf:X:Y' to type 'System.Int32'."
        var match = ConversionFailure().Match(e.Message);
        if (!match.Success)
        {
            return $"The settings under {section} could not be read ({e.Message.TrimEnd('.')}); correct them in the settings file, environment variables or app settings.";
        }

        var key = match.Groups["key"].Value;
        var expected = match.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" => "a whole number",
            "System.Decimal" or "System.Double" => "a number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration such as 00:15:00",
            "System.Uri" => "an address such as https://example.org",
            "System.Guid" => "an id such as 7f0c2a51-1111-4a3b-9c1d-000000000001",
            var other => $"a {other.Split('.')[^1]}",
        };
        return $"The setting {key} is '{configuration[key]}', which is not {expected}; correct it (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).";
    }

    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
