namespace Pmf.Pipeline.Tests.Servers;

/// <summary>
/// Tests that talk to Azurite share one instance: mark the class <c>[Collection(AzuriteCollection.Name)]</c>
/// and take <see cref="AzuriteFixture"/> in its constructor. Classes in one collection run one at a time,
/// so <see cref="AzuriteFixture.ResetAsync"/> gives each test the account to itself.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
