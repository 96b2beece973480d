namespace Pmf.Pipeline.Storage;

/// <summary>
/// A file in one of the <see cref="StorageContainers"/>: the container and a '/'-separated name
/// inside it. Construction refuses unknown containers and names that could escape their folder.
/// </summary>
public sealed record StoredPath
{
    /// <summary>Creates the path, or throws <see cref="ArgumentException"/> when it is not safe.</summary>
    public StoredPath(string container, string name)
    {
        if (!StorageContainers.All.Contains(container))
        {
            throw new ArgumentException($"'{container}' is not a PMF container; use one of {string.Join(", ", StorageContainers.All)}.", nameof(container));
        }

        if (NameRules.Problem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        Container = container;
        Name = name;
    }

    /// <summary>The container (local store: top-level folder).</summary>
    public string Container { get; }

    /// <summary>The name inside the container, folders separated by '/'.</summary>
    public string Name { get; }

    /// <summary>
    /// A path beside this one, named by appending <paramref name="suffix"/> (e.g. <c>.report.html</c>),
    /// so a report sorts next to the file it describes.
    /// </summary>
    public StoredPath Beside(string suffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(suffix);
        if (suffix.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The suffix '{suffix}' may not contain '/'; a report sits in the same folder.", nameof(suffix));
        }

        return new StoredPath(Container, Name + suffix);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Container}/{Name}";
}
