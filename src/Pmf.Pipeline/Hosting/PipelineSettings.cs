using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pmf.Pipeline.Hosting;

/// <summary>
/// The one way every host registers and checks its settings: each options class is bound from its
/// section and validated by an <see cref="IValidateOptions{TOptions}"/> with <c>ValidateOnStart</c>, so
/// a generic host (the Functions app, <c>pmf serve</c>) stops in <c>StartAsync</c> and a <c>pmf</c>
/// command stops before it does anything (<see cref="ValidatePmfSettingsAsync"/>), each with one sentence
/// naming the setting.
/// </summary>
public static class PipelineSettings
{
    /// <summary>
    /// Registers <typeparamref name="T"/> bound from <paramref name="section"/>, checked at start by
    /// <paramref name="validate"/>, and resolvable as <typeparamref name="T"/> itself.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The settings.</param>
    /// <param name="section">The section, e.g. <c>Pmf:Warehouse</c>.</param>
    /// <param name="validate">Returns what is wrong in one sentence naming the setting, or null.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPmfSettings<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, string?> validate)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<T>().Configure(o => Settings.BindSection(configuration, section, o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SentenceValidator<T>(validate));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>
    /// Adds one more check at start to <typeparamref name="T"/>, already registered by <see cref="AddPmfSettings{T}"/>
    /// (a host that uses more of a section than every host does: the pages' part of <c>Pmf:Web</c>).
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="validate">Returns what is wrong in one sentence naming the setting, or null.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPmfSettingsRule<T>(this IServiceCollection services, Func<T, string?> validate)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<T>>(new SentenceValidator<T>(validate));
        return services;
    }

    /// <summary>
    /// Adds a check of settings that belong to no options class (a host's required app settings),
    /// run at start with the others.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="check">Returns what is wrong in one sentence naming the setting, or null.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPmfSettingsCheck(this IServiceCollection services, Func<string?> check)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(check);
        services.AddOptions<SettingsCheck>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SettingsCheck>>(new SentenceValidator<SettingsCheck>(_ => check()));
        return services;
    }

    /// <summary>
    /// Runs every check registered with <c>ValidateOnStart</c>, as <c>IHost.StartAsync</c> does first:
    /// for a command that uses the registrations without starting a host.
    /// </summary>
    /// <param name="provider">The built services.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    /// <exception cref="OptionsValidationException">A setting is unusable; the message names it.</exception>
    /// <exception cref="ConfigurationProblemException">A setting's value is of the wrong type; the message names it.</exception>
    public static async Task ValidatePmfSettingsAsync(this IServiceProvider provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await provider.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(cancellationToken);
    }

    /// <summary>The options type the checks without an options class of their own hang on.</summary>
    public sealed class SettingsCheck;

    private sealed class SentenceValidator<T>(Func<T, string?> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            validate(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
