using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class WarehouseOptionsTests
{
    [Fact]
    public void The_defaults_are_an_embedded_SQLite_file_and_valid()
    {
        var options = new WarehouseOptions();

        Assert.Equal("sqlite", options.Provider);
        Assert.Equal("Data Source=pmf.db", options.ConnectionString);
        Assert.Null(options.Validate());
    }

    [Fact]
    public void An_unknown_provider_is_named_with_the_two_that_exist()
    {
        var options = new WarehouseOptions { Provider = "postgres" };

        Assert.Equal(
            "Pmf:Warehouse:Provider is 'postgres', which is not a warehouse provider; use 'sqlite' or 'sqlserver'.",
            options.Validate());
    }

    [Fact]
    public void An_empty_connection_string_says_what_to_set()
    {
        var options = new WarehouseOptions { Provider = "sqlserver", ConnectionString = " " };

        Assert.Equal(
            "Pmf:Warehouse:ConnectionString is empty; set it to a SQLite file such as 'Data Source=pmf.db' or to an Azure SQL connection string.",
            options.Validate());
    }

    [Fact]
    public void Provider_names_are_case_insensitive_and_pick_the_dialect()
    {
        var database = new WarehouseDatabase(new WarehouseOptions
        {
            Provider = "SqlServer",
            ConnectionString = "Server=tcp:pmf.database.windows.net,1433;Database=pmf;Authentication=Active Directory Default",
        });

        Assert.IsType<SqlServerDialect>(database.Dialect);
        Assert.Equal("tcp:pmf.database.windows.net,1433/pmf", database.Location);
    }

    [Fact]
    public void The_database_refuses_bad_settings_with_the_validation_sentence()
    {
        var error = Assert.Throws<ArgumentException>(() => new WarehouseDatabase(new WarehouseOptions { Provider = "oracle" }));

        Assert.StartsWith("Pmf:Warehouse:Provider is 'oracle'", error.Message);
    }

    [Fact]
    public void The_options_validator_fails_a_host_with_the_same_sentence()
    {
        var result = new WarehouseOptionsValidator().Validate(null, new WarehouseOptions { ConnectionString = "" });

        Assert.True(result.Failed);
        Assert.StartsWith("Pmf:Warehouse:ConnectionString is empty", result.FailureMessage);
    }
}
