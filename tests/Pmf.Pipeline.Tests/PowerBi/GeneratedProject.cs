namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>The generated semantic model read back with the strict TMDL reader.</summary>
public sealed class GeneratedProject
{
    private GeneratedProject(string definition)
    {
        Files = Directory.GetFiles(definition, "*.tmdl", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(definition, f).Replace('\\', '/'), f => TmdlReader.Read(f, File.ReadAllText(f)));
        Tables = Files.Where(f => f.Key.StartsWith("tables/", StringComparison.Ordinal)).Select(f => Assert.Single(f.Value)).ToList();
        Relationships = Files["relationships.tmdl"];
        Roles = Files.Where(f => f.Key.StartsWith("roles/", StringComparison.Ordinal)).Select(f => Assert.Single(f.Value)).ToList();
        Expressions = Files["expressions.tmdl"];
    }

    public Dictionary<string, List<TmdlObject>> Files { get; }

    public List<TmdlObject> Tables { get; }

    public List<TmdlObject> Relationships { get; }

    public List<TmdlObject> Roles { get; }

    public List<TmdlObject> Expressions { get; }

    public static GeneratedProject Read(string outputFolder) =>
        new(Path.Combine(outputFolder, "PmfPipeline.SemanticModel", "definition"));

    public TmdlObject Table(string name) => Tables.Single(t => t.Name == name);

    /// <summary>Splits <c>Table.Column</c> as TMDL writes a column reference (either part may be quoted).</summary>
    public static (string Table, string Column) ColumnReference(string reference)
    {
        var (table, rest) = TmdlReader.ReadName(reference, reference);
        Assert.StartsWith(".", rest);
        var (column, end) = TmdlReader.ReadName(reference, rest[1..]);
        Assert.Equal("", end);
        return (table, column);
    }
}
