namespace Pmf.Pipeline.Tests.Servers;

/// <summary>
/// Tests that talk to maildev share one instance: mark the class <c>[Collection(MaildevCollection.Name)]</c>
/// and take <see cref="MaildevFixture"/> in its constructor; call <see cref="MaildevFixture.ResetAsync"/> first.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MaildevCollection : ICollectionFixture<MaildevFixture>
{
    public const string Name = "Maildev";
}
