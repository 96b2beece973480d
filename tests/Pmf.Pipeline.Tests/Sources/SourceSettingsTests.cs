using Microsoft.Extensions.Configuration;
using Pmf.Pipeline.Sources;

namespace Pmf.Pipeline.Tests.Sources;

public sealed class SourceSettingsTests
{
    [Fact]
    public void Sources_are_read_from_configuration_named_by_their_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pmf:Sources:housing-system:Kind"] = "rest",
            ["Pmf:Sources:housing-system:Schedule"] = "0 30 6 * * *",
            ["Pmf:Sources:housing-system:Rest:Url"] = "https://housing.example/kpis?period={period}",
            ["Pmf:Sources:housing-system:Rest:Auth:Kind"] = "apiKey",
            ["Pmf:Sources:housing-system:Rest:Auth:SecretSetting"] = "Pmf:Secrets:HousingKey",
            ["Pmf:Sources:housing-system:Resilience:Timeout"] = "00:00:10",
            ["Pmf:Sources:revenues-db:Kind"] = "sql",
            ["Pmf:Sources:revenues-db:Sql:ConnectionStringSetting"] = "ConnectionStrings:Revenues",
            ["Pmf:Sources:revenues-db:Sql:Query"] = "SELECT 1",
        }).Build();

        var sources = SourceSettings.Read(configuration);

        Assert.Equal(["housing-system", "revenues-db"], sources.Select(s => s.Name));
        Assert.Equal(TimeSpan.FromSeconds(10), sources[0].Resilience.Timeout);
        Assert.Equal("Pmf:Secrets:HousingKey", sources[0].Rest.Auth.SecretSetting);
        Assert.All(sources, s => Assert.Empty(SourceDefinitionCheck.Problems(s)));
    }

    [Fact]
    public void A_five_field_cron_and_an_unknown_kind_are_named_with_the_setting_to_fix()
    {
        var source = new SourceDefinition { Name = "waste", Kind = "soap", Schedule = "0 6 * * *" };

        var problems = SourceDefinitionCheck.Problems(source);

        Assert.Equal(
            [
                "Pmf:Sources:waste:Schedule '0 6 * * *' is not a six-field NCRONTAB expression (second minute hour day month weekday), e.g. '0 0 6 * * *'.",
                "Pmf:Sources:waste:Kind 'soap' is not 'rest' or 'sql'.",
            ],
            problems);
    }

    [Fact]
    public void A_secret_setting_that_is_missing_or_an_unresolved_Key_Vault_reference_is_a_clear_problem()
    {
        var secrets = new SourceSecrets(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pmf:Secrets:HousingKey"] = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/housing)",
        }).Build());

        var missing = Assert.Throws<ConfigurationProblemException>(() => secrets.Get("housing-system", "Pmf:Secrets:Nope", "API key"));
        var unresolved = Assert.Throws<ConfigurationProblemException>(() => secrets.Get("housing-system", "Pmf:Secrets:HousingKey", "API key"));

        Assert.Equal("Source 'housing-system': the setting 'Pmf:Secrets:Nope' that should hold its API key is not set.", missing.Message);
        Assert.StartsWith("Source 'housing-system': the setting 'Pmf:Secrets:HousingKey' is a Key Vault reference that was not resolved", unresolved.Message, StringComparison.Ordinal);
    }
}
