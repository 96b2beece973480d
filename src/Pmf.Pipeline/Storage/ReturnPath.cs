namespace Pmf.Pipeline.Storage;

/// <summary>
/// Where a return sits: <c>&lt;service code&gt;/&lt;file&gt;</c> inside the returns container.
/// Only <see cref="Parse"/> makes one, so every instance names a safe location on both stores.
/// </summary>
public sealed record ReturnPath
{
    /// <summary>The file types the returns reader understands, as the sender is told them.</summary>
    public const string ReadableTypes = ".xlsx, .xlsm, .xls or .csv";

    private static readonly string[] ReadableExtensions = [".xlsx", ".xlsm", ".xls", ".csv"];

    private ReturnPath(string service, string fileName)
    {
        Service = service;
        FileName = fileName;
    }

    /// <summary>The service code the sender dropped the file under, as written (checked against the catalogue later).</summary>
    public string Service { get; }

    /// <summary>The file name, as the sender wrote it.</summary>
    public string FileName { get; }

    /// <summary>The name inside the returns container: <c>&lt;service&gt;/&lt;file&gt;</c>.</summary>
    public string Name => $"{Service}/{FileName}";

    /// <summary>The file's extension in lower case, with its dot (<c>.xlsx</c>), or empty.</summary>
    public string Extension => Path.GetExtension(FileName).ToLowerInvariant();

    /// <summary>The same location as a <see cref="StoredPath"/> in the returns container.</summary>
    public StoredPath Stored => new(StorageContainers.Returns, Name);

    /// <summary>
    /// Checks a blob name or relative path from the returns container. Never throws: an unusable
    /// name comes back with the reason, worded for the sender.
    /// </summary>
    public static ReturnPathCheck Parse(string? name)
    {
        if (!string.IsNullOrWhiteSpace(name) && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\\', StringComparison.Ordinal))
        {
            // The place is wrong before anything about the name is: say that first (a backslash is a
            // folder separator typed the Windows way, and is told so).
            return new ReturnPathCheck(name, null, $"'{NameRules.Display(name)}' is at the top of returns/, not in a service folder; drop returns at returns/<service code>/<file>.");
        }

        if (NameRules.Problem(name) is { } unsafeName)
        {
            return new ReturnPathCheck(name ?? "", null, unsafeName);
        }

        var shown = NameRules.Display(name!);
        var segments = name!.Split('/');
        if (segments.Length == 1)
        {
            return new ReturnPathCheck(name, null, $"'{shown}' is not in a service folder; drop returns at returns/<service code>/<file>.");
        }

        if (segments.Length > 2)
        {
            return new ReturnPathCheck(name, null, $"'{shown}' is in a sub-folder; drop returns directly in returns/<service code>/, with no folder below it.");
        }

        var path = new ReturnPath(segments[0], segments[1]);
        return new ReturnPathCheck(name, path, ContentProblem(path, shown));
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static string? ContentProblem(ReturnPath path, string shown)
    {
        if (path.FileName.StartsWith("~$", StringComparison.Ordinal))
        {
            return $"'{shown}' is an Excel lock file, not a return; upload the workbook itself.";
        }

        return path.Extension switch
        {
            "" => $"'{shown}' has no file extension; we read {ReadableTypes} files.",
            var e when !ReadableExtensions.Contains(e) => $"'{shown}' is a {e} file; we read {ReadableTypes} files.",
            _ => null,
        };
    }
}
