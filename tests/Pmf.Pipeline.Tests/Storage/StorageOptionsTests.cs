using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void The_defaults_are_a_local_folder_and_valid()
    {
        var options = new StorageOptions();

        Assert.Equal("local", options.Kind);
        Assert.Equal("./pmf-storage", options.LocalRoot);
        Assert.Null(options.Validate());
    }

    [Fact]
    public void Settings_bind_from_the_Pmf_Storage_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pmf:Storage:Kind"] = "blob",
            ["Pmf:Storage:BlobServiceUri"] = "https://pmfstore.blob.core.windows.net",
        }).Build();

        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(options);

        Assert.True(options.IsBlob);
        Assert.Equal(new Uri("https://pmfstore.blob.core.windows.net"), options.BlobServiceUri);
        Assert.Null(options.Validate());
    }

    [Theory]
    [InlineData("s3", null, null, "Pmf:Storage:Kind is 's3'; set it to local (a folder on this machine) or blob (Azure Blob Storage).")]
    [InlineData("blob", null, null, "Pmf:Storage:Kind is blob but neither BlobServiceUri nor ConnectionString is set;")]
    [InlineData("blob", "https://a.blob.core.windows.net", "UseDevelopmentStorage=true", "both BlobServiceUri and ConnectionString are set;")]
    [InlineData("blob", "http://a.blob.core.windows.net", null, "it must be an https address")]
    [InlineData("blob", "pmfstore", null, "it must be an https address")]
    public void Unusable_settings_are_one_sentence_saying_what_to_do(string kind, string? uri, string? connection, string expected)
    {
        var options = new StorageOptions
        {
            Kind = kind,
            BlobServiceUri = uri is null ? null : new Uri(uri, UriKind.RelativeOrAbsolute),
            ConnectionString = connection,
        };

        var problem = options.Validate();

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Single(problem.Split(". ", StringSplitOptions.None));
    }

    [Fact]
    public void An_empty_local_root_is_refused()
    {
        Assert.Contains("LocalRoot is empty", new StorageOptions { LocalRoot = " " }.Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_factory_builds_the_store_the_settings_name()
    {
        var time = TimeProvider.System;
        var local = ReturnStores.Create(new StorageOptions { LocalRoot = Path.Combine(Path.GetTempPath(), "pmf-never-created") }, time);
        var azurite = ReturnStores.Create(new StorageOptions { Kind = "Blob", ConnectionString = "UseDevelopmentStorage=true" }, time);
        var azure = ReturnStores.Create(new StorageOptions { Kind = "blob", BlobServiceUri = new Uri("https://pmfstore.blob.core.windows.net") }, time);

        Assert.IsType<LocalFolderReturnStore>(local);
        Assert.IsType<BlobReturnStore>(azurite);
        Assert.IsType<BlobReturnStore>(azure);
    }

    [Fact]
    public void An_identity_based_client_points_at_the_configured_account()
    {
        BlobServiceClient client = ReturnStores.CreateBlobServiceClient(new StorageOptions { Kind = "blob", BlobServiceUri = new Uri("https://pmfstore.blob.core.windows.net") });

        Assert.Equal("pmfstore", client.AccountName);
        Assert.False(client.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Unusable_settings_stop_the_factory_with_a_configuration_problem()
    {
        var e = Assert.Throws<ConfigurationProblemException>(() => ReturnStores.Create(new StorageOptions { Kind = "blob" }, TimeProvider.System));

        Assert.StartsWith("Pmf:Storage:Kind is blob", e.Message, StringComparison.Ordinal);
    }
}
