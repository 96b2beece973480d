using System.Reflection;
using System.Text;
using DbUp.Engine;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// The migrations embedded in this assembly: <c>sql/&lt;dialect&gt;/*.sql</c> as resources named
/// <c>&lt;dialect&gt;.&lt;file&gt;.sql</c>, applied in ordinal order of file name.
/// </summary>
internal static class WarehouseScripts
{
    /// <summary>The scripts of one dialect, named by file (<c>0001_warehouse.sql</c>), in the order they apply.</summary>
    public static IReadOnlyList<SqlScript> For(string dialectName)
    {
        var assembly = typeof(WarehouseScripts).Assembly;
        var prefix = dialectName + ".";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => new SqlScript(name[prefix.Length..], Read(assembly, name)))
            .OrderBy(script => script.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded migration {resourceName} could not be read.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
