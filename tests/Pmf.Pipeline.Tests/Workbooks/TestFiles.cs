namespace Pmf.Pipeline.Tests.Workbooks;

/// <summary>Finds test data in the source tree (walking up from the test binaries), so no csproj copy rule is needed.</summary>
internal static class TestFiles
{
    private const string TestDataFromRoot = "tests/Pmf.Pipeline.Tests/TestData";

    public static string TestData { get; } = Locate();

    public static string Awkward => Path.Combine(TestData, "awkward");

    public static string Path_(string relative) => Path.Combine(TestData, relative);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, TestDataFromRoot);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No {TestDataFromRoot} above {AppContext.BaseDirectory}.");
    }
}
