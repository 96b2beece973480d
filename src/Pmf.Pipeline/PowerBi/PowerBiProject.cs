namespace Pmf.Pipeline.PowerBi;

/// <summary>What <see cref="PowerBiProjectWriter"/> wrote.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="ProjectFile">The <c>.pbip</c> to open in Power BI Desktop.</param>
/// <param name="Files">Every project file written, relative to <paramref name="Folder"/>.</param>
/// <param name="Tables">Tables in the model.</param>
/// <param name="Columns">Columns across those tables.</param>
/// <param name="Measures">DAX measures.</param>
/// <param name="Roles">Row-level security roles.</param>
/// <param name="ExtractRows">Rows written to each view's CSV extract; empty when none were written.</param>
public sealed record PowerBiProject(
    string Folder,
    string ProjectFile,
    IReadOnlyList<string> Files,
    int Tables,
    int Columns,
    int Measures,
    int Roles,
    IReadOnlyDictionary<string, int> ExtractRows);
