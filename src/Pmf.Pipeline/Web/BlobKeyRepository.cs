using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Pmf.Pipeline.Web;

/// <summary>
/// The data-protection key ring (the keys that sign the pages' form tokens) as XML blobs in one container, so
/// every instance of the Functions app, and each one after a restart, reads the same keys. One blob per element,
/// named by its friendly name (<c>key-&lt;id&gt;.xml</c>); an element is never overwritten.
/// </summary>
public sealed class BlobKeyRepository(BlobContainerClient container) : IXmlRepository
{
    /// <summary>The container that holds the keys, beside the returns containers.</summary>
    public const string Container = "pmf-keys";

    private bool _ready;

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        Ready();
        var elements = new List<XElement>();
        foreach (var blob in container.GetBlobs())
        {
            var content = container.GetBlobClient(blob.Name).DownloadContent().Value.Content;
            try
            {
                elements.Add(XElement.Parse(content.ToString()));
            }
            catch (System.Xml.XmlException e)
            {
                throw new InvalidOperationException(
                    $"The form key {container.Name}/{blob.Name} is not a data-protection key; delete it from the storage account (forms opened with it are refused once, then the new key is used).", e);
            }
        }

        return elements;
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Ready();
        var content = BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting));
        try
        {
            container.GetBlobClient(NameFor(friendlyName)).Upload(content, overwrite: false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another element under the same name (two revocations in one second): keep both.
            container.GetBlobClient(NameFor($"{friendlyName}-{Guid.NewGuid():N}")).Upload(content, overwrite: false);
        }
    }

    /// <summary>The blob name for an element: its friendly name when that is a plain name, else a fresh id.</summary>
    public static string NameFor(string? friendlyName) =>
        !string.IsNullOrEmpty(friendlyName) && friendlyName.Length <= 200 && friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? friendlyName + ".xml"
            : Guid.NewGuid().ToString("D") + ".xml";

    private void Ready()
    {
        if (!_ready)
        {
            container.CreateIfNotExists(PublicAccessType.None);
            _ready = true;
        }
    }
}
