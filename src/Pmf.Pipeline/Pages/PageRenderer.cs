using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pmf.Pipeline.Pages;

/// <summary>
/// Renders a page component to one HTML document with Blazor's <see cref="HtmlRenderer"/>. Every string a
/// component writes as text or as an attribute value is HTML-encoded by the renderer, so nothing a sender,
/// a service or a file typed ever becomes markup; a control character they typed (NUL, BEL, ESC and kin,
/// which the encoder writes as a character reference to nothing printable) becomes a space.
/// </summary>
public static partial class PageRenderer
{
    /// <summary>Renders <typeparamref name="TPage"/> with <paramref name="parameters"/>.</summary>
    /// <typeparam name="TPage">The page component.</typeparam>
    /// <param name="parameters">Its parameters, by name.</param>
    /// <returns>The HTML.</returns>
    public static string Render<TPage>(IDictionary<string, object?> parameters)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var renderer = new HtmlRenderer(NoServices.Instance, NullLoggerFactory.Instance);

        // A page's components do no asynchronous work, so the render completes before InvokeAsync returns.
        var html = renderer.Dispatcher.InvokeAsync(() =>
            renderer.BeginRenderingComponent<TPage>(ParameterView.FromDictionary(parameters)).ToHtmlString());
        return ControlReference().Replace(html.GetAwaiter().GetResult(), " ");
    }

    // C0 controls but tab, LF and CR, DEL and the C1 range, as HtmlEncoder writes them.
    [GeneratedRegex("&#x(?:[0-8BCEF]|1[0-9A-F]|7F|[89][0-9A-F]);", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ControlReference();

    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
