using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>
/// Builds a DacFx model of the schema the sql/sqlserver migrations leave behind, folding each
/// ALTER TABLE … ADD into its table's CREATE TABLE (DacFx refuses ALTER TABLE ADD column, SQL70645).
/// The rule this enforces is written at the top of <see cref="SqlServerSchemaTests"/>.
/// </summary>
internal static class SqlServerModel
{
    public static TSqlModel Build(SqlServerVersion version)
    {
        var tables = new Dictionary<string, CreateTableStatement>(StringComparer.OrdinalIgnoreCase);
        var others = new List<string>();
        var views = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // view name to its place in others
        foreach (var script in WarehouseScripts.For(WarehouseOptions.SqlServer))
        {
            foreach (var (statement, text) in Parse(script.Name, script.Contents))
            {
                switch (statement)
                {
                    case CreateTableStatement create:
                        tables.Add(Key(create.SchemaObjectName), create);
                        break;
                    case AlterTableAddTableElementStatement add:
                        Fold(script.Name, add, tables);
                        break;
                    case DropTableStatement drop:
                        // Replayed on the model: the table is gone, and a later CREATE TABLE may reuse its name.
                        foreach (var name in drop.Objects)
                        {
                            if (!tables.Remove(Key(name)))
                            {
                                throw new InvalidOperationException($"{script.Name} line {drop.StartLine}: DROP TABLE {Key(name)} drops a table no earlier script creates.");
                            }
                        }

                        break;
                    case AlterTableDropTableElementStatement drop:
                        DropConstraints(script.Name, drop, tables);
                        break;
                    case CreateViewStatement view:
                        views[Key(view.SchemaObjectName)] = others.Count;
                        others.Add(text);
                        break;
                    case CreateOrAlterViewStatement replaced when views.TryGetValue(Key(replaced.SchemaObjectName), out var at):
                        // A view redefined: the model holds its last definition, as the database does (DacFx takes CREATE VIEW only).
                        others[at] = "CREATE VIEW" + text[(text.IndexOf(" VIEW", StringComparison.OrdinalIgnoreCase) + " VIEW".Length)..];
                        break;
                    case InsertStatement or UpdateStatement:
                        // Data moved by a migration (0010 backfills target versions): nothing in the schema changes.
                        break;
                    case CreateIndexStatement or CreateProcedureStatement
                        or CreateFunctionStatement or CreateSchemaStatement:
                        others.Add(text);
                        break;
                    default:
                        throw new InvalidOperationException(
                            $"{script.Name} line {statement.StartLine}: {statement.GetType().Name} cannot be modelled by DacFx " +
                            $"(it ignores DROP, renames and data changes, so the model would drift from the database). " +
                            $"Follow the rule in {nameof(SqlServerSchemaTests)}: {text}");
                }
            }
        }

        var model = new TSqlModel(version, new TSqlModelOptions());
        var generator = new Sql160ScriptGenerator();
        foreach (var create in tables.Values)
        {
            generator.GenerateScript(create, out var text);
            model.AddObjects(text);
        }

        foreach (var text in others)
        {
            model.AddObjects(text);
        }

        return model;
    }

    /// <summary>Every statement of a script with its own text, or the parser's errors as an exception.</summary>
    public static IEnumerable<(TSqlStatement Statement, string Text)> Parse(string name, string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"{name} does not parse as T-SQL:\n" + string.Join("\n", errors.Select(e => $"  line {e.Line} col {e.Column}: {e.Message}")));
        }

        return ((TSqlScript)fragment).Batches
            .SelectMany(batch => batch.Statements)
            .Select(s => (s, sql.Substring(s.StartOffset, s.FragmentLength)))
            .ToList();
    }

    private static void Fold(string scriptName, AlterTableAddTableElementStatement add, Dictionary<string, CreateTableStatement> tables)
    {
        if (!tables.TryGetValue(Key(add.SchemaObjectName), out var create))
        {
            throw new InvalidOperationException(
                $"{scriptName} line {add.StartLine}: ALTER TABLE {Key(add.SchemaObjectName)} ADD refers to a table no earlier script creates.");
        }

        foreach (var column in add.Definition.ColumnDefinitions)
        {
            create.Definition.ColumnDefinitions.Add(column);
        }

        foreach (var constraint in add.Definition.TableConstraints)
        {
            create.Definition.TableConstraints.Add(constraint);
        }

        foreach (var index in add.Definition.Indexes)
        {
            create.Definition.Indexes.Add(index);
        }
    }

    /// <summary>
    /// Replays ALTER TABLE … DROP CONSTRAINT on the model (0022 re-keys follow_up): the constraint leaves its
    /// table's CREATE TABLE. Dropping a column or an index is not replayed yet, and says so.
    /// </summary>
    private static void DropConstraints(string scriptName, AlterTableDropTableElementStatement drop, Dictionary<string, CreateTableStatement> tables)
    {
        if (!tables.TryGetValue(Key(drop.SchemaObjectName), out var create))
        {
            throw new InvalidOperationException(
                $"{scriptName} line {drop.StartLine}: ALTER TABLE {Key(drop.SchemaObjectName)} DROP refers to a table no earlier script creates.");
        }

        foreach (var element in drop.AlterTableDropTableElements)
        {
            var name = element.Name.Value;
            var constraint = element.TableElementType == TableElementType.Constraint
                ? create.Definition.TableConstraints.FirstOrDefault(c => string.Equals(c.ConstraintIdentifier?.Value, name, StringComparison.OrdinalIgnoreCase))
                : null;
            if (constraint is null || !create.Definition.TableConstraints.Remove(constraint))
            {
                throw new InvalidOperationException(
                    $"{scriptName} line {drop.StartLine}: ALTER TABLE {Key(drop.SchemaObjectName)} DROP {element.TableElementType} {name}: only a named table constraint an earlier script added can be dropped on the model.");
            }
        }
    }

    private static string Key(SchemaObjectName name) => $"{name.SchemaIdentifier?.Value ?? "dbo"}.{name.BaseIdentifier.Value}";
}
