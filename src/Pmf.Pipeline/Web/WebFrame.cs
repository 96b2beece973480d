namespace Pmf.Pipeline.Web;

/// <summary>An anti-forgery token for a page's forms: the hidden field's name and value.</summary>
/// <param name="FieldName">The field's name.</param>
/// <param name="Token">The token.</param>
public sealed record WebForm(string FieldName, string Token);

/// <summary>What every page's layout needs: the person (null when nobody is signed in), where they are, and the forms' token.</summary>
/// <param name="User">The person and their scope, or null.</param>
/// <param name="Path">The page's path, to mark the navigation.</param>
/// <param name="Form">The anti-forgery token for the page's forms, or null on a page with none.</param>
public sealed record WebFrame(WebUser? User, string Path, WebForm? Form);
