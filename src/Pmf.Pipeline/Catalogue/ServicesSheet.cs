using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// The Services sheet: <c>Code</c>, <c>Name</c>, <c>Head of service</c>, <c>Head of service email</c>
/// (required: follow-ups go there), <c>Director</c>, <c>Director email</c> and <c>Return contacts</c>
/// (optional; e-mail addresses separated by <c>;</c>).
/// </summary>
internal static class ServicesSheet
{
    public const string Code = "Code";
    public const string Name = "Name";
    public const string HeadOfService = "Head of service";
    public const string HeadOfServiceEmail = "Head of service email";
    public const string Director = "Director";
    public const string DirectorEmail = "Director email";
    public const string ReturnContacts = "Return contacts";

    public static SheetSpec Spec { get; } = new("Services", ["Service"],
    [
        ColumnSpec.Required(Code, "Service code", "Ref"),
        ColumnSpec.Required(Name, "Service", "Service name"),
        ColumnSpec.Required(HeadOfService, "HoS", "Head of service name", "Service head"),
        ColumnSpec.Required(HeadOfServiceEmail, "HoS email", "Head of service email address", "Email"),
        ColumnSpec.Optional(Director, "Director name", "Strategic director"),
        ColumnSpec.Optional(DirectorEmail, "Director email address"),
        ColumnSpec.Optional(ReturnContacts, "Return contact", "Return contact emails", "Contacts"),
    ]);

    public static (List<Service> Services, CodeBook Book) Read(CatalogueSheet? sheet)
    {
        var services = new List<Service>();
        if (sheet is null || !sheet.Has(Code))
        {
            return (services, CodeBook.Unavailable);
        }

        var book = new CodeBook();
        foreach (var row in sheet.Rows)
        {
            var code = row.Required(Code, "give each service a short code, e.g. HOU; returns are filed under it.");
            var name = row.Required(Name, "give the service's name.");
            var head = row.Required(HeadOfService, "name the head of service who answers for the service's data.");
            var headEmail = Email(row, HeadOfServiceEmail, required: true);
            var director = row.Text(Director);
            var directorEmail = Email(row, DirectorEmail, required: false);
            var contacts = Contacts(row);
            if (code is not null && CatalogueCode.Check(row, Code, "Service", code) && !book.TryAdd(code, name, row.Number, out var first))
            {
                row.Error(Code, $"Service code '{code}' is already used in row {first}; give each service its own code.");
            }

            if (row.IsValid)
            {
                services.Add(new Service(code!, name!, head!, headEmail!, director, directorEmail) { ReturnContacts = contacts });
            }
        }

        return (services, book);
    }

    private static IReadOnlyList<string> Contacts(CatalogueRow row)
    {
        var contacts = Web.EmailList.Split(row.Text(ReturnContacts));
        if (contacts.FirstOrDefault(c => !EmailAddress.IsValid(c)) is { } bad)
        {
            row.Error(ReturnContacts, $"{ReturnContacts} holds '{bad}', which is not an e-mail address; write addresses such as jo.bloggs@anytown.gov.uk, separated by ';'.");
            return [];
        }

        return contacts;
    }

    private static string? Email(CatalogueRow row, string column, bool required)
    {
        var text = required ? row.Required(column, "give the head of service's e-mail address; follow-ups and digests go there.") : row.Text(column);
        if (text is not null && !EmailAddress.IsValid(text))
        {
            row.Error(column, $"{column} '{text}' is not an e-mail address; write one address such as jo.bloggs@anytown.gov.uk.");
            return null;
        }

        return text;
    }
}
