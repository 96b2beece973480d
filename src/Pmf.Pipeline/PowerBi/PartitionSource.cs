namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// The Power Query (M) of a table's partition: the view through <c>Sql.Database(Server, Database)</c>,
/// or its CSV extract when the <c>DataSource</c> parameter says <c>Csv</c>; columns typed as the model types them.
/// </summary>
internal static class PartitionSource
{
    public static IReadOnlyList<string> Lines(ModelTable table, IReadOnlyList<ViewColumn> columns)
    {
        var types = string.Join(", ", columns.Select(c => "{" + TmdlName.Text(c.Name) + ", " + MType(c.DataType) + "}"));
        return
        [
            "let",
            "\tRows =",
            "\t\tif DataSource = \"Csv\" then",
            "\t\t\tTable.TransformColumnTypes(",
            "\t\t\t\tTable.PromoteHeaders(",
            $"\t\t\t\t\tCsv.Document(File.Contents(CsvFolder & {TmdlName.Text(table.View + ".csv")}), [Delimiter = \",\", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),",
            "\t\t\t\t\t[PromoteAllScalars = true]),",
            $"\t\t\t\t{{{types}}},",
            "\t\t\t\t\"en-GB\")",
            "\t\telse",
            $"\t\t\tSql.Database(Server, Database){{[Schema = \"dbo\", Item = {TmdlName.Text(table.View)}]}}[Data]",
            "in",
            "\tRows",
        ];
    }

    private static string MType(string dataType) => dataType switch
    {
        TmdlDataType.Int64 => "Int64.Type",
        TmdlDataType.Double => "type number",
        TmdlDataType.DateTime => "type datetime",
        TmdlDataType.Boolean => "type logical",
        _ => "type text",
    };
}
