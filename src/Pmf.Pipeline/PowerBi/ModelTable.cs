namespace Pmf.Pipeline.PowerBi;

/// <summary>A table of the semantic model and the reporting view it loads.</summary>
/// <param name="Name">The table's name in Power BI, e.g. <c>Result</c>.</param>
/// <param name="View">The reporting view, e.g. <c>v_result</c>.</param>
/// <param name="Description">What one row is, for analysts.</param>
/// <param name="DateKeyColumn">For the date table, its date column (the table is marked as a date table).</param>
public sealed record ModelTable(string Name, string View, string Description, string? DateKeyColumn = null);

/// <summary>A many-to-one relationship: <paramref name="FromTable"/> rows point at one <paramref name="ToTable"/> row.</summary>
/// <param name="FromTable">The many side (a fact).</param>
/// <param name="FromColumn">Its column.</param>
/// <param name="ToTable">The one side (a dimension).</param>
/// <param name="ToColumn">Its key column.</param>
public sealed record ModelRelationship(string FromTable, string FromColumn, string ToTable, string ToColumn);

/// <summary>A DAX measure.</summary>
/// <param name="Table">The table that holds it.</param>
/// <param name="Name">Its name.</param>
/// <param name="Expression">The DAX, on one line.</param>
/// <param name="FormatString">How Power BI shows it.</param>
/// <param name="DisplayFolder">The folder it sits in.</param>
/// <param name="Description">What it means, for analysts (also in docs/powerbi.md).</param>
public sealed record ModelMeasure(string Table, string Name, string Expression, string FormatString, string DisplayFolder, string Description);

/// <summary>A security role: a DAX row filter per table, and whether it sees who sent what.</summary>
/// <param name="Name">The role's name.</param>
/// <param name="Filters">Table name to DAX filter expression.</param>
/// <param name="SeesSenders">False: every column in <see cref="PmfModel.SenderColumns"/> is hidden from it (object-level security).</param>
public sealed record ModelRole(string Name, IReadOnlyList<KeyValuePair<string, string>> Filters, bool SeesSenders);
