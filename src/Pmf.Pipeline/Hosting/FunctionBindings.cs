using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Hosting;

/// <summary>
/// Every name the Azure Functions app binds to: function names, the storage connection, blob paths
/// and timer schedules. The Functions project's attributes use these constants, and the tests check
/// them here and in the functions.metadata its build generates.
/// </summary>
public static class FunctionBindings
{
    /// <summary>The function that ingests a dropped return.</summary>
    public const string IngestReturn = "IngestReturn";

    /// <summary>The function that loads a dropped catalogue workbook.</summary>
    public const string LoadCatalogue = "LoadCatalogue";

    /// <summary>The function that pulls KPIs from service systems on a timer.</summary>
    public const string PullSources = "PullSources";

    /// <summary>The function that sweeps for late returns, failing indicators and data-quality flags.</summary>
    public const string Sweep = "Sweep";

    /// <summary>The function that sends the Power BI refresh loads are waiting for.</summary>
    public const string RefreshPowerBi = "RefreshPowerBi";

    /// <summary>The function that serves every page (one catch-all HTTP trigger onto the pages' route table).</summary>
    public const string Pages = "Pages";

    /// <summary>The pages' HTTP route: everything (host.json's route prefix is empty, so the pages are at the root).</summary>
    public const string PagesRoute = "{*path}";

    /// <summary>The pages' GET.</summary>
    public const string HttpGet = "get";

    /// <summary>The pages' POST (forms).</summary>
    public const string HttpPost = "post";

    /// <summary>
    /// The connection name of the returns storage account. Identity-based: the app setting is
    /// <see cref="HostingSettings.StorageBlobServiceUri"/> (<c>PmfStorage__blobServiceUri</c>), never a key.
    /// </summary>
    public const string StorageConnection = "PmfStorage";

    /// <summary>The returns blob trigger path, <c>returns/{service}/{name}</c>.</summary>
    public const string ReturnsPath = StorageContainers.ReturnsTriggerPath;

    /// <summary>The catalogue blob trigger path, <c>catalogue/{name}</c>.</summary>
    public const string CataloguePath = StorageContainers.Catalogue + "/{name}";

    /// <summary>
    /// The pull schedule as a binding expression: the six-field NCRONTAB comes from the app setting
    /// <see cref="HostingSettings.PullSourcesSchedule"/>, so it changes without a deployment.
    /// </summary>
    public const string PullSourcesSchedule = "%" + HostingSettings.PullSourcesSchedule + "%";

    /// <summary>The sweep schedule, fixed: see <see cref="JobSchedules.Sweep"/>.</summary>
    public const string SweepSchedule = JobSchedules.Sweep;

    /// <summary>The Power BI refresh schedule, fixed: see <see cref="JobSchedules.RefreshPowerBi"/>.</summary>
    public const string RefreshPowerBiSchedule = JobSchedules.RefreshPowerBi;
}
