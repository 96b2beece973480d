using Microsoft.Extensions.Options;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Lets a host fail at start-up with <see cref="WarehouseOptions.Validate"/>'s sentence:
/// <c>services.AddSingleton&lt;IValidateOptions&lt;WarehouseOptions&gt;, WarehouseOptionsValidator&gt;()</c>.
/// </summary>
public sealed class WarehouseOptionsValidator : IValidateOptions<WarehouseOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, WarehouseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
