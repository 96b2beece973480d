namespace Pmf.Pipeline.Tests.Servers;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries that holds PmfPipeline.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "PmfPipeline.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PmfPipeline.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
