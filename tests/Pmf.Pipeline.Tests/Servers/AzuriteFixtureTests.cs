using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.Servers;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Azurite_answers_for_the_well_known_account_on_its_own_port()
    {
        output.WriteLine($"Azurite on 127.0.0.1:{azurite.Port} started in {azurite.StartedIn.TotalMilliseconds:0} ms");
        await azurite.ResetAsync();
        var container = azurite.CreateClient().GetBlobContainerClient("probe");

        await container.CreateAsync();
        await container.GetBlobClient("a/b.txt").UploadAsync(BinaryData.FromString("hello"));

        Assert.Equal(AzuriteFixture.AccountName, container.AccountName);
        Assert.Equal("hello", (await container.GetBlobClient("a/b.txt").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Reset_leaves_an_empty_account_whose_container_names_can_be_used_again_at_once()
    {
        var client = azurite.CreateClient();
        await client.GetBlobContainerClient("again").CreateIfNotExistsAsync();

        await azurite.ResetAsync();

        Assert.Empty(await client.GetBlobContainersAsync().ToListAsync());
        await client.GetBlobContainerClient("again").CreateAsync();
    }

    [Fact]
    public void The_launcher_is_where_npm_ci_in_tests_servers_puts_it()
    {
        Assert.True(File.Exists(AzuriteFixture.Launcher), AzuriteFixture.Launcher);
        Assert.EndsWith(Path.Combine("tests", "servers", "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob"), AzuriteFixture.Launcher, StringComparison.Ordinal);
    }
}
