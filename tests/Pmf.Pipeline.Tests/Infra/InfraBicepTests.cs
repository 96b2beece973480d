// infra/ as the Bicep CLI sees it: build, build-params and lint with infra/bicepconfig.json (every
// linter rule on, use-recent-api-versions and what-if-short-circuiting among them) must have nothing
// to say, and the compiled template must carry the hardening docs/deploy.md ("Infrastructure") lists.
using System.Text.Json;
using System.Text.Json.Nodes;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Infra;

public sealed class InfraBicepTests(InfraBicepTests.Compiled compiled) : IClassFixture<InfraBicepTests.Compiled>
{
    private static string Infra => Path.Combine(RepositoryRoot.Path, "infra");

    [Fact]
    public void Bicep_build_compiles_main_with_no_warning()
    {
        Assert.True(compiled.Build.ExitCode == 0 && compiled.Build.Diagnostics.Count == 0, compiled.Build.Describe());
    }

    [Fact]
    public void Bicep_build_params_compiles_the_example_parameters_with_no_warning()
    {
        Assert.True(compiled.BuildParams.ExitCode == 0 && compiled.BuildParams.Diagnostics.Count == 0, compiled.BuildParams.Describe());
        var parameters = JsonNode.Parse(JsonNode.Parse(compiled.BuildParams.Output)!["parametersJson"]!.GetValue<string>())!["parameters"]!;
        Assert.Equal("pmf-ashby", (string?)parameters["namePrefix"]!["value"]);
    }

    [Fact]
    public void Bicep_lint_with_every_rule_on_reports_nothing()
    {
        var lint = compiled.Lint;

        Assert.True(lint.ExitCode == 0 && lint.Diagnostics.Count == 0, $"{lint.Diagnostics.Count} diagnostic(s):\n" + string.Join("\n", lint.Diagnostics) + "\n" + lint.Describe());
    }

    [Theory]
    [InlineData("use-recent-api-versions")]
    [InlineData("what-if-short-circuiting")]
    [InlineData("use-user-defined-types")]
    [InlineData("use-resource-id-functions")]
    [InlineData("no-hardcoded-location")]
    [InlineData("explicit-values-for-loc-params")]
    [InlineData("no-unused-params")]
    [InlineData("outputs-should-not-contain-secrets")]
    public void The_linter_config_holds_the_rule_at_warning_or_error(string rule)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Infra, "bicepconfig.json")), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;

        var level = (string?)config["analyzers"]!["core"]!["rules"]![rule]?["level"];

        Assert.Contains(level, new[] { "warning", "error" });
    }

    [Fact]
    public void Every_storage_account_refuses_keys_local_users_and_cross_tenant_replication_and_is_encrypted_twice()
    {
        var accounts = compiled.Resources("Microsoft.Storage/storageAccounts");

        Assert.NotEmpty(accounts);
        foreach (var account in accounts)
        {
            var properties = account["properties"]!;
            Assert.False((bool)properties["allowSharedKeyAccess"]!);
            Assert.False((bool)properties["allowBlobPublicAccess"]!);
            Assert.False((bool)properties["allowCrossTenantReplication"]!);
            Assert.False((bool)properties["isLocalUserEnabled"]!);
            Assert.True((bool)properties["encryption"]!["requireInfrastructureEncryption"]!);
        }
    }

    [Fact]
    public void Blobs_keep_versions_and_deleted_blobs_for_recovery()
    {
        var blobServices = compiled.Resources("Microsoft.Storage/storageAccounts/blobServices");

        Assert.Equal(2, blobServices.Count); // returns and the Functions host
        foreach (var blobService in blobServices)
        {
            Assert.True((bool)blobService["properties"]!["isVersioningEnabled"]!);
            Assert.True((bool)blobService["properties"]!["deleteRetentionPolicy"]!["enabled"]!);
            Assert.True((int)blobService["properties"]!["deleteRetentionPolicy"]!["days"]! >= 7);
        }
    }

    [Fact]
    public void Log_Analytics_and_Application_Insights_accept_no_keys()
    {
        Assert.True((bool)Assert.Single(compiled.Resources("Microsoft.OperationalInsights/workspaces"))["properties"]!["features"]!["disableLocalAuth"]!);
        Assert.True((bool)Assert.Single(compiled.Resources("Microsoft.Insights/components"))["properties"]!["DisableLocalAuth"]!);
    }

    [Fact]
    public void SQL_audits_to_Log_Analytics()
    {
        var auditing = Assert.Single(compiled.Resources("Microsoft.Sql/servers/auditingSettings"));

        Assert.Equal("Enabled", (string?)auditing["properties"]!["state"]);
        Assert.True((bool)auditing["properties"]!["isAzureMonitorTargetEnabled"]!);
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts")]
    [InlineData("Microsoft.KeyVault/vaults")]
    [InlineData("Microsoft.Web/sites")]
    [InlineData("Microsoft.Sql/servers")]
    public void The_module_that_creates_the_resource_sends_its_logs_to_Log_Analytics(string type)
    {
        var modules = compiled.Templates().Where(t => Declares(t, type)).ToList();

        Assert.NotEmpty(modules);
        foreach (var module in modules)
        {
            var settings = Declared(module).Where(r => (string?)r["type"] == "Microsoft.Insights/diagnosticSettings").ToList();
            Assert.NotEmpty(settings);
            Assert.All(settings, s => Assert.NotNull(s["properties"]!["workspaceId"]));
        }
    }

    [Fact]
    public void FTP_and_basic_auth_publishing_are_off()
    {
        var policies = compiled.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(2, policies.Count);
        Assert.Contains(policies, p => ((string)p["name"]!).Contains("'ftp'", StringComparison.Ordinal));
        Assert.Contains(policies, p => ((string)p["name"]!).Contains("'scm'", StringComparison.Ordinal));
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Undeliverable_blob_events_go_to_a_dead_letter_container_with_the_topics_identity()
    {
        var subscription = Assert.Single(compiled.Resources("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        var deadLetter = subscription["properties"]!["deadLetterWithResourceIdentity"]!;

        Assert.Equal("SystemAssigned", (string?)deadLetter["identity"]!["type"]);
        Assert.Equal("StorageBlob", (string?)deadLetter["deadLetterDestination"]!["endpointType"]);
        Assert.Equal("SystemAssigned", (string?)Assert.Single(compiled.Resources("Microsoft.EventGrid/systemTopics"))["identity"]!["type"]);
    }

    [Fact]
    public void Private_networking_is_a_parameter_that_is_off_by_default_and_adds_private_endpoints()
    {
        var parameter = compiled.Template["parameters"]!["privateNetworking"]!;

        Assert.Equal("bool", (string?)parameter["type"]);
        Assert.False((bool)parameter["defaultValue"]!);
        Assert.NotEmpty(compiled.Resources("Microsoft.Network/privateEndpoints"));
        Assert.NotEmpty(compiled.Resources("Microsoft.Network/privateDnsZones"));
    }

    [Fact]
    public void No_resource_uses_a_preview_API_version_but_diagnostic_settings_which_have_no_other()
    {
        var previews = compiled.Templates().SelectMany(Declared)
            .Where(r => ((string)r["apiVersion"]!).Contains("preview", StringComparison.Ordinal)
                && (string?)r["type"] != "Microsoft.Insights/diagnosticSettings")
            .Select(r => $"{r["type"]}@{r["apiVersion"]}")
            .ToList();

        Assert.Empty(previews);
    }

    private static bool Declares(JsonNode template, string type) => Declared(template).Any(r => (string?)r["type"] == type && r["existing"] is null);

    /// <summary>The resources a template declares itself (not those of modules inside it).</summary>
    private static IEnumerable<JsonNode> Declared(JsonNode template) =>
        template["resources"] switch
        {
            JsonObject symbolic => symbolic.Select(p => p.Value!),
            JsonArray list => list.Select(r => r!),
            _ => [],
        };

    /// <summary>bicep build and build-params output and the lint runs, made once for the class (the CLI takes seconds to start).</summary>
    public sealed class Compiled
    {
        public Compiled()
        {
            var runs = Task.WhenAll(
                BicepCli.RunAsync(Infra, "build", "main.bicep", "--stdout"),
                BicepCli.RunAsync(Infra, "build-params", "main.example.bicepparam", "--stdout"),
                // One process lints main.bicep (and the modules it uses) and main.example.bicepparam.
                BicepCli.RunAsync(Infra, "lint", "--pattern", "main*")).GetAwaiter().GetResult();
            (Build, BuildParams, Lint) = (runs[0], runs[1], runs[2]);
            Template = Build.ExitCode == 0 ? JsonNode.Parse(Build.Output)! : new JsonObject();
        }

        public BicepRun Build { get; }

        public BicepRun BuildParams { get; }

        public BicepRun Lint { get; }

        /// <summary>The compiled main template (ARM JSON, modules nested as deployments).</summary>
        public JsonNode Template { get; }

        /// <summary>The main template and every module template nested in it.</summary>
        public IEnumerable<JsonNode> Templates()
        {
            var pending = new Stack<JsonNode>([Template]);
            while (pending.TryPop(out var template))
            {
                yield return template;
                foreach (var resource in Declared(template))
                {
                    if (resource["properties"]?["template"] is { } nested)
                    {
                        pending.Push(nested);
                    }
                }
            }
        }

        /// <summary>Every resource of <paramref name="type"/> declared (not merely referenced as existing) anywhere.</summary>
        public IReadOnlyList<JsonNode> Resources(string type) =>
            Templates().SelectMany(Declared).Where(r => (string?)r["type"] == type && r["existing"] is null).ToList();
    }
}
