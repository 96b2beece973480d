using System.Text.RegularExpressions;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>An object read from TMDL: keyword, name, the expression after <c>=</c>, properties and child objects.</summary>
public sealed record TmdlObject(string Keyword, string Name, string? Expression, string? Description, int Line)
{
    public Dictionary<string, string?> Properties { get; } = new(StringComparer.Ordinal);

    public List<TmdlObject> Children { get; } = [];

    public IEnumerable<TmdlObject> All(string keyword) => Children.Where(c => c.Keyword == keyword);
}

/// <summary>
/// A strict reader of the TMDL layout the generator writes, and that Power BI reads: indentation by
/// tabs only, one level per child; object keywords known for their parent; names unquoted when free of
/// whitespace, dot, equals, colon and quote, else single-quoted (quote doubled); properties known for their object, <c>name: value</c>, flags, or
/// <c>name =</c> with the expression on deeper lines; <c>///</c> descriptions directly above an object.
/// Anything else is an error naming the file and line.
/// </summary>
public static partial class TmdlReader
{
    private static readonly Dictionary<string, string[]> ChildKeywords = new(StringComparer.Ordinal)
    {
        [""] = ["database", "model", "table", "relationship", "expression", "role", "ref", "cultureInfo"],
        ["table"] = ["column", "measure", "partition", "hierarchy", "annotation"],
        ["role"] = ["tablePermission"],
        ["database"] = [],
        ["model"] = ["dataAccessOptions", "annotation"],
        ["dataAccessOptions"] = [],
        ["column"] = ["annotation"],
        ["measure"] = ["annotation"],
        ["partition"] = [],
        ["relationship"] = [],
        ["expression"] = ["annotation"],
        ["tablePermission"] = ["columnPermission"],
        ["columnPermission"] = [],
        ["ref"] = [],
        ["hierarchy"] = [],
        ["annotation"] = [],
        ["cultureInfo"] = [],
    };

    // Objects with no name: a struct property written as a block of flags.
    private static readonly string[] Unnamed = ["dataAccessOptions"];

    private static readonly Dictionary<string, string[]> PropertyNames = new(StringComparer.Ordinal)
    {
        ["database"] = ["compatibilityLevel", "compatibilityMode"],
        ["model"] = ["culture", "defaultPowerBIDataSourceVersion", "discourageImplicitMeasures", "sourceQueryCulture"],
        ["dataAccessOptions"] = ["fastCombine", "legacyRedirects", "returnErrorValuesAsNull"],
        ["annotation"] = [],
        ["cultureInfo"] = [],
        ["table"] = ["dataCategory", "isHidden", "lineageTag"],
        ["column"] = ["dataType", "isHidden", "isKey", "formatString", "sourceColumn", "summarizeBy", "displayFolder", "sortByColumn", "lineageTag", "dataCategory"],
        ["measure"] = ["formatString", "displayFolder", "lineageTag"],
        ["partition"] = ["mode", "source"],
        ["relationship"] = ["fromColumn", "toColumn", "crossFilteringBehavior", "isActive"],
        ["expression"] = ["lineageTag", "queryGroup"],
        ["role"] = ["modelPermission"],
        ["tablePermission"] = [],
        ["columnPermission"] = [],
        ["ref"] = [],
        ["hierarchy"] = [],
    };

    private static readonly Dictionary<string, string[]> AllowedValues = new(StringComparer.Ordinal)
    {
        ["dataType"] = ["int64", "double", "decimal", "dateTime", "boolean", "string"],
        ["summarizeBy"] = ["none", "sum", "average", "min", "max", "count", "distinctCount"],
        ["mode"] = ["import", "directQuery", "dual"],
        ["modelPermission"] = ["read", "none", "readRefresh", "refresh", "administrator"],
        ["dataCategory"] = ["Time"],
    };

    /// <summary>The objects at the top level of one .tmdl file.</summary>
    public static List<TmdlObject> Read(string path, string text)
    {
        var root = new TmdlObject("", "", null, null, 0);
        var stack = new List<TmdlObject> { root };
        var lines = text.Split('\n');
        string? description = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var where = $"{path} line {i + 1}";
            if (raw.EndsWith('\r'))
            {
                throw new FormatException($"{where}: carriage return; the generator writes LF line ends.");
            }

            if (raw.Trim().Length == 0)
            {
                if (description is not null)
                {
                    throw new FormatException($"{where}: a /// description must sit directly above its object.");
                }

                continue;
            }

            var level = raw.TakeWhile(c => c == '\t').Count();
            var content = raw[level..];
            if (content.StartsWith(' '))
            {
                throw new FormatException($"{where}: indented with spaces; TMDL here is indented with tabs.");
            }

            if (level > stack.Count - 1)
            {
                throw new FormatException($"{where}: indented {level} tabs, deeper than its parent allows ({stack.Count - 1}).");
            }

            stack.RemoveRange(level + 1, stack.Count - level - 1);
            var parent = stack[level];
            if (content.StartsWith("///", StringComparison.Ordinal))
            {
                description = (description is null ? "" : description + "\n") + content[3..].Trim();
                continue;
            }

            var keyword = Keyword().Match(content).Value;
            if (ChildKeywords[parent.Keyword].Contains(keyword))
            {
                var child = ReadObject(where, keyword, content[keyword.Length..], description, i + 1);
                description = null;
                parent.Children.Add(child);
                stack.Add(child);
                continue;
            }

            if (description is not null)
            {
                throw new FormatException($"{where}: a /// description is followed by '{content}', not an object.");
            }

            if (level == 0)
            {
                throw new FormatException($"{where}: '{content}' is not a top-level TMDL object.");
            }

            i = ReadProperty(path, lines, i, level, parent, content);
        }

        return root.Children;
    }

    /// <summary>Reads a name as TMDL writes it: a plain identifier, or single-quoted with '' for a quote.</summary>
    public static (string Name, string After) ReadName(string where, string text)
    {
        if (text.StartsWith('\''))
        {
            var name = new System.Text.StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] != '\'')
                {
                    name.Append(text[i]);
                }
                else if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    name.Append('\'');
                    i++;
                }
                else
                {
                    return (name.ToString(), text[(i + 1)..]);
                }
            }

            throw new FormatException($"{where}: unterminated quoted name {text}.");
        }

        var plain = Identifier().Match(text);
        if (!plain.Success)
        {
            throw new FormatException($"{where}: '{text}' does not start with a name.");
        }

        return (plain.Value, text[plain.Length..]);
    }

    private static TmdlObject ReadObject(string where, string keyword, string rest, string? description, int line)
    {
        if (keyword == "ref")
        {
            var kind = Keyword().Match(rest.TrimStart()).Value;
            if (kind.Length == 0 || !rest.StartsWith(' '))
            {
                throw new FormatException($"{where}: ref needs an object type and a name.");
            }

            var (refName, refRest) = ReadName(where, rest.TrimStart()[kind.Length..].TrimStart());
            return refRest.Length == 0 ? new TmdlObject("ref", kind + " " + refName, null, description, line)
                : throw new FormatException($"{where}: unexpected '{refRest}' after the referenced name.");
        }

        if (Unnamed.Contains(keyword))
        {
            return rest.Length == 0 ? new TmdlObject(keyword, "", null, description, line)
                : throw new FormatException($"{where}: {keyword} takes no name or value, only properties below it.");
        }

        if (!rest.StartsWith(' '))
        {
            throw new FormatException($"{where}: {keyword} needs a name after one space.");
        }

        var (name, after) = ReadName(where, rest[1..]);
        if (after.Length == 0)
        {
            return new TmdlObject(keyword, name, null, description, line);
        }

        if (!after.StartsWith(" = ", StringComparison.Ordinal) || after.Length <= 3)
        {
            throw new FormatException($"{where}: after the name '{name}' comes '{after}'; a name with spaces or punctuation must be quoted, and an expression follows ' = '.");
        }

        return new TmdlObject(keyword, name, after[3..], description, line);
    }

    private static int ReadProperty(string path, string[] lines, int i, int level, TmdlObject owner, string content)
    {
        var where = $"{path} line {i + 1}";
        var match = Property().Match(content);
        if (!match.Success)
        {
            throw new FormatException($"{where}: '{content}' is neither an object, a property 'name: value', a flag nor 'name ='.");
        }

        var name = match.Groups["name"].Value;
        if (!PropertyNames[owner.Keyword].Contains(name))
        {
            throw new FormatException($"{where}: {name} is not a property of {owner.Keyword}.");
        }

        if (match.Groups["expr"].Success)
        {
            var expression = new List<string>();
            var j = i + 1;
            for (; j < lines.Length; j++)
            {
                var tabs = lines[j].TakeWhile(c => c == '\t').Count();
                if (lines[j].Trim().Length > 0 && tabs <= level)
                {
                    break;
                }

                expression.Add(lines[j].Length > level + 1 ? lines[j][(level + 1)..] : string.Empty);
            }

            while (expression.Count > 0 && expression[^1].Trim().Length == 0)
            {
                expression.RemoveAt(expression.Count - 1);
            }

            if (expression.Count == 0 || expression.Any(e => e.Length > 0 && !lines[i + 1].StartsWith(new string('\t', level + 1), StringComparison.Ordinal)))
            {
                throw new FormatException($"{where}: {name} = needs its expression on the lines below, one tab deeper.");
            }

            owner.Properties[name] = string.Join("\n", expression);
            return i + expression.Count;
        }

        var value = match.Groups["value"].Success ? match.Groups["value"].Value : null;
        if (value is not null && AllowedValues.TryGetValue(name, out var allowed) && !allowed.Contains(value))
        {
            throw new FormatException($"{where}: {name}: {value} is not one of {string.Join(", ", allowed)}.");
        }

        owner.Properties[name] = value;
        return i;
    }

    [GeneratedRegex("^[a-zA-Z]+(?=\\s|$)")]
    private static partial Regex Keyword();

    // Unquoted names stop at whitespace, dot, equals, colon or quote (a GUID such as a relationship name needs no quotes).
    [GeneratedRegex("^[^\\s.=:']+")]
    private static partial Regex Identifier();

    [GeneratedRegex("^(?<name>[a-zA-Z]+)(?:(?<expr> =)$|: (?<value>\\S.*)$|$)")]
    private static partial Regex Property();
}
