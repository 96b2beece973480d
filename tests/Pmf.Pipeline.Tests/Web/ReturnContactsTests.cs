using Pmf.Pipeline.Tests.Catalogue;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;
using Pmf.Pipeline.Web;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>The Services sheet's optional Return contacts: read, checked, loaded, and giving their people the service's pages.</summary>
public sealed class ReturnContactsTests
{
    [Fact]
    public void Return_contacts_separated_by_semicolons_are_read_one_each()
    {
        var result = new CatalogueWorkbookBuilder().AddColumn("Services", "Return contacts")
            .Set("Services", 1, "Return contacts", "kim.lee@anytown.gov.uk; Ravi.Das@anytown.gov.uk;")
            .Read();

        Assert.Equal(["kim.lee@anytown.gov.uk", "Ravi.Das@anytown.gov.uk"], result.Framework!.Services.Single(s => s.Code == "HOU").ReturnContacts);
        Assert.Empty(result.Framework.Services.Single(s => s.Code == "ENV").ReturnContacts);
    }

    [Fact]
    public void A_return_contact_that_is_not_an_address_is_named_with_its_cell()
    {
        var result = new CatalogueWorkbookBuilder().AddColumn("Services", "Return contacts")
            .Set("Services", 2, "Return contacts", "kim.lee@anytown.gov.uk; Ravi Das")
            .Read();

        Problem(result, "Services", 3, "Return contacts", "Return contacts holds 'Ravi Das', which is not an e-mail address; write addresses such as jo.bloggs@anytown.gov.uk, separated by ';'.");
    }

    [Fact]
    public async Task A_reload_replaces_a_services_contacts_so_someone_taken_off_loses_its_pages()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        var users = new WebUsers(warehouse.Database, new WebOptions());
        var kim = new WebPerson("Kim Lee", "KIM.LEE@anytown.gov.uk");
        var first = Some.Framework(contacts: ["kim.lee@anytown.gov.uk"]);

        await LoadAsync(warehouse, first);
        var before = await users.ScopeAsync(kim, CancellationToken.None);
        await LoadAsync(warehouse, Some.Framework(contacts: ["someone.else@anytown.gov.uk"]));
        var after = await users.ScopeAsync(kim, CancellationToken.None);

        Assert.Equal([new WebService("HOU", "Housing", ServiceRole.ReturnContact)], before.Services);
        Assert.True(before.CanSee("hou"));
        Assert.Empty(after.Services);
        Assert.False(after.CanSee("HOU"));
    }

    private static async Task LoadAsync(TestWarehouse warehouse, Pmf.Pipeline.Catalogue.Framework framework)
    {
        await using var connection = await warehouse.OpenAsync();
        await CatalogueLoader.LoadAsync(connection, framework, "catalogue.xlsx", Pmf.Pipeline.Catalogue.FrameworkFingerprint.Of(framework), DateTimeOffset.UnixEpoch, new DateOnly(2025, 4, 1), CancellationToken.None);
    }

    private static class Some
    {
        public static Pmf.Pipeline.Catalogue.Framework Framework(IReadOnlyList<string> contacts)
        {
            var read = new CatalogueWorkbookBuilder().Read().Framework!;
            return read with { Services = [.. read.Services.Select(s => s.Code == "HOU" ? s with { ReturnContacts = contacts } : s)] };
        }
    }
}
