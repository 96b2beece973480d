using Microsoft.Data.Sqlite;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>A folder under the system temp path, deleted with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pmf-warehouse-" + Guid.NewGuid().ToString("N"));

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        // Pooled SQLite connections keep the file open until the pool lets go of them.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
