using System.Reflection;
using Pmf.Cli;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Support;

/// <summary>
/// Every SQL statement the product sends at run time: each const string whose name ends in "Sql"
/// (a field named just "Sql" is a word, such as a source kind, not a statement) in Pmf.Pipeline and
/// the CLI, except those declared in <see cref="SqliteDialect"/>, which is SQLite-only by design.
/// </summary>
public static class RuntimeStatements
{
    /// <summary>type.field and text of each statement.</summary>
    public static IEnumerable<(string Name, string Sql)> Portable() =>
        new[] { typeof(WarehouseDatabase).Assembly, typeof(PmfApp).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !IsWithin(type, typeof(SqliteDialect)))
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string)
                && field.Name.EndsWith("Sql", StringComparison.Ordinal) && field.Name != "Sql")
            .Select(field => ($"{field.DeclaringType!.FullName}.{field.Name}", (string)field.GetRawConstantValue()!));

    private static bool IsWithin(Type? type, Type container)
    {
        for (; type is not null; type = type.DeclaringType)
        {
            if (type == container)
            {
                return true;
            }
        }

        return false;
    }
}
