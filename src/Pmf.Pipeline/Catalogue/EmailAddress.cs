using System.Text.RegularExpressions;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// A plain mailbox address (<c>jo.bloggs@anytown.gov.uk</c>): what digests are sent to. Display names,
/// <c>mailto:</c> and lists of addresses are refused, so each cell holds exactly one address.
/// </summary>
internal static partial class EmailAddress
{
    public static bool IsValid(string text) => text.Length <= 254 && Mailbox().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Mailbox();
}
