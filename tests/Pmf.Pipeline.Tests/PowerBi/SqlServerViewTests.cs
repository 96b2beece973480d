using Microsoft.SqlServer.Dac.Model;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Tests.Warehouse;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.PowerBi;

// The model is generated from whichever warehouse it is pointed at; these prove Azure SQL's views give
// the same tables, columns and data types as the SQLite views the other tests exercise.
public sealed class SqlServerViewTests
{
    [Fact]
    public async Task The_sqlserver_views_have_the_sqlite_views_columns_and_the_same_model_data_types()
    {
        using var model = SqlServerModel.Build(SqlServerVersion.SqlAzure);
        var sqlServer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var view in model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.View))
        {
            foreach (var column in view.GetReferenced(View.Columns))
            {
                var type = SourceType(column);
                sqlServer[$"{view.Name.Parts[^1]}.{column.Name.Parts[^1]}"] = TmdlDataType.Of(column.Name.Parts[^1], type);
            }
        }

        using var folder = new TempFolder();
        var database = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={folder.File("twin.db")}" });
        await database.MigrateAsync(CancellationToken.None);
        var sqlite = (await WarehouseViews.ColumnsAsync(database, CancellationToken.None))
            .SelectMany(v => v.Value)
            .ToDictionary(c => $"{c.View}.{c.Name}", c => c.DataType, StringComparer.Ordinal);

        Assert.Equal(sqlite.Keys.Order(StringComparer.Ordinal), sqlServer.Keys.Order(StringComparer.Ordinal));
        var differing = sqlite.Where(c => sqlServer[c.Key] != c.Value).Select(c => $"{c.Key}: SQLite {c.Value}, SQL Server {sqlServer[c.Key]}").ToList();
        Assert.True(differing.Count == 0, "The model would type these columns differently on Azure SQL:\n" + string.Join("\n", differing));
    }

    // DacFx gives a view column no type of its own; a column copied from a table (or another view)
    // has that column's type, a computed one none, just as SQLite reports them.
    private static string SourceType(TSqlObject column)
    {
        for (var depth = 0; depth < 5; depth++)
        {
            if (column.GetReferenced(Column.DataType).FirstOrDefault() is { } type)
            {
                return type.Name.Parts[^1];
            }

            var source = column.GetReferenced(Column.ExpressionDependencies).Where(d => d.ObjectType == ModelSchema.Column).ToList();
            if (source.Count != 1)
            {
                return "";
            }

            column = source[0];
        }

        return "";
    }
}
