using System.Text;

namespace Pmf.Pipeline.PowerBi;

/// <summary>Writes TMDL text: one tab per level, object lines, properties, descriptions and multi-line expressions.</summary>
internal sealed class TmdlWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>An object declaration such as <c>table Result</c> or <c>measure 'Late returns' = ...</c>, with its description above it.</summary>
    public TmdlWriter Object(int level, string declaration, string? description = null)
    {
        if (description is not null)
        {
            foreach (var line in description.Split('\n'))
            {
                Line(level, "/// " + line.TrimEnd('\r'));
            }
        }

        return Line(level, declaration);
    }

    /// <summary>A property: <c>name: value</c>, or a flag (<c>isHidden</c>) when the value is null.</summary>
    public TmdlWriter Property(int level, string name, string? value = null) =>
        Line(level, value is null ? name : name + ": " + value);

    /// <summary>A property whose value is an expression over several lines, each one level deeper than the property.</summary>
    public TmdlWriter Expression(int level, string name, IEnumerable<string> lines)
    {
        Line(level, name + " =");
        foreach (var line in lines)
        {
            Line(level + 1, line);
        }

        return this;
    }

    /// <summary>An empty line between objects.</summary>
    public TmdlWriter Blank()
    {
        _text.Append('\n');
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();

    private TmdlWriter Line(int level, string text)
    {
        _text.Append('\t', level).Append(text).Append('\n');
        return this;
    }
}
