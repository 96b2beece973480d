using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Hosting;
using Pmf.Pipeline.Tests.Servers;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>
/// The Functions app's form keys live in the returns account (container <c>pmf-keys</c> in Azurite), so two
/// instances, each with its own service provider, accept each other's protected payloads and form tokens.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedFormKeysTests(AzuriteFixture azurite) : IAsyncLifetime
{
    public Task InitializeAsync() => azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_payload_protected_by_one_instance_unprotects_on_another_and_its_key_is_a_blob_named_by_its_id()
    {
        using var first = Instance();
        using var second = Instance();

        var sealedText = Protector(first).Protect("form of Priya Shah");
        var keys = await KeyBlobsAsync();

        Assert.Equal("form of Priya Shah", Protector(second).Unprotect(sealedText));
        var key = Assert.Single(keys);
        Assert.Matches("^key-[0-9a-f-]{36}\\.xml$", key);
    }

    [Fact]
    public async Task Two_Functions_app_instances_share_the_key_ring_in_the_returns_account()
    {
        using var folder = new TempFolder();
        using var first = FunctionsInstance(folder);
        using var second = FunctionsInstance(folder);

        var sealedText = Protector(first).Protect("upload for HOU");

        Assert.Equal("upload for HOU", Protector(second).Unprotect(sealedText));
        Assert.Single(await KeyBlobsAsync());
    }

    [Fact]
    public async Task A_form_token_issued_by_one_Functions_instance_is_accepted_by_another_and_refused_once_the_keys_are_gone()
    {
        using var folder = new TempFolder();
        using var first = FunctionsInstance(folder);
        using var second = FunctionsInstance(folder);
        var tokens = Issue(first);

        var accepted = await IsValidAsync(second, tokens);
        await azurite.ResetAsync();
        using var third = FunctionsInstance(folder);
        var afterKeysDeleted = await IsValidAsync(third, tokens);

        Assert.True(accepted);
        Assert.False(afterKeysDeleted);
    }

    [Fact]
    public void An_element_stored_twice_under_one_name_keeps_both()
    {
        var repository = new BlobKeyRepository(azurite.CreateClient().GetBlobContainerClient(BlobKeyRepository.Container));

        repository.StoreElement(new System.Xml.Linq.XElement("revocation", "a"), "revocation-20261203T170000");
        repository.StoreElement(new System.Xml.Linq.XElement("revocation", "b"), "revocation-20261203T170000");

        Assert.Equal(["a", "b"], repository.GetAllElements().Select(e => e.Value).Order(StringComparer.Ordinal));
    }

    private ServiceProvider Instance() => new ServiceCollection()
        .AddLogging()
        .AddSingleton(new StorageOptions { Kind = StorageOptions.BlobKind, ConnectionString = azurite.ConnectionString })
        .AddSharedFormKeys()
        .BuildServiceProvider();

    private IHost FunctionsInstance(TempFolder folder) =>
        FunctionsRig.Build(FunctionsRig.AppSettings(azurite.ConnectionString, $"Data Source={folder.File("pmf.db")}", FunctionsRig.Outbox(folder)));

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Pmf.Tests.SharedFormKeys");

    private static IDataProtector Protector(IHost host) => Protector(host.Services);

    private async Task<List<string>> KeyBlobsAsync()
    {
        var names = new List<string>();
        await foreach (var blob in azurite.CreateClient().GetBlobContainerClient(BlobKeyRepository.Container).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private static AntiforgeryTokenSet Issue(IHost host)
    {
        using var scope = host.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        return scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
    }

    private static async Task<bool> IsValidAsync(IHost host, AntiforgeryTokenSet tokens)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "POST";
        context.Request.Headers.Cookie = $"pmf-form={tokens.CookieToken}";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes($"{tokens.FormFieldName}={Uri.EscapeDataString(tokens.RequestToken!)}"));
        return await scope.ServiceProvider.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }
}
