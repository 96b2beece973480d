using Pmf.Pipeline.Pages.Web;

namespace Pmf.Pipeline.Web;

/// <summary><c>/</c>: the person's services and, by role, where to go next.</summary>
internal static class HomeHandler
{
    public static Task<Microsoft.AspNetCore.Http.IResult> GetAsync(WebRequest request) =>
        Task.FromResult(request.Page<HomePage>([]));
}
