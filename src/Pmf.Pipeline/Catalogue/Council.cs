using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Catalogue;

/// <summary>A council in the framework. One catalogue may hold several that share services.</summary>
/// <param name="Code">Short code, e.g. <c>ABC</c>.</param>
/// <param name="Name">The council's name.</param>
/// <param name="Nation">
/// The UK nation it is in, whose bank holidays its indicators' due dates, reminders and escalations
/// skip (England where the catalogue does not say).
/// </param>
public sealed record Council(string Code, string Name, Nation Nation = Nation.England);
