using Microsoft.Extensions.Configuration;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Tests.PowerBi;

namespace Pmf.Pipeline.Tests.Alerts;

/// <summary><c>Pmf:Alerts:Transport</c> and the settings each transport needs, as an operator writes them.</summary>
public sealed class MailTransportSettingsTests
{
    private const string Mailbox = "performance@council.gov.uk";

    [Theory]
    [InlineData(null, MailTransportKind.Outbox)]
    [InlineData("outbox", MailTransportKind.Outbox)]
    [InlineData("SMTP", MailTransportKind.Smtp)]
    [InlineData("smtp-oauth", MailTransportKind.SmtpOAuth)]
    [InlineData("SmtpOAuth", MailTransportKind.SmtpOAuth)]
    [InlineData("graph", MailTransportKind.Graph)]
    public void The_transport_setting_takes_each_name_in_any_case_and_defaults_to_the_outbox(string? setting, MailTransportKind kind)
    {
        var options = Bind(new()
        {
            ["Pmf:Alerts:Transport"] = setting,
            ["Pmf:Alerts:Smtp:Host"] = "smtp.council.gov.uk",
            ["Pmf:Alerts:Mailbox"] = Mailbox,
            ["Pmf:Alerts:From"] = $"PMF Pipeline <{Mailbox}>",
        });

        Assert.Null(options.Validate());
        Assert.Equal(kind, options.Kind);
    }

    [Fact]
    public void Each_transport_is_built_from_the_settings_with_the_name_the_alert_log_records()
    {
        var credential = new FixedTokenCredential("t");
        AlertOptions Token(string transport) => new() { Transport = transport, Mailbox = Mailbox, From = Mailbox };

        Assert.Equal("Outbox", Assert.IsType<OutboxMailTransport>(MailTransports.Create(new AlertOptions())).Name);
        Assert.Equal("Smtp", Assert.IsType<SmtpMailTransport>(MailTransports.Create(new AlertOptions { Transport = "smtp", Smtp = { Host = "h" } })).Name);
        Assert.Equal("SmtpOAuth", Assert.IsType<SmtpMailTransport>(MailTransports.Create(Token("smtp-oauth"), credential: credential)).Name);
        var graph = Assert.IsType<GraphMailTransport>(MailTransports.Create(Token("graph"), credential: credential));
        Assert.Equal("Graph", graph.Name);
        Assert.Equal(new Uri("https://graph.microsoft.com/v1.0/users/performance%40council.gov.uk/sendMail"), graph.SendMailUri);
    }

    [Fact]
    public void The_token_transports_say_which_setting_to_fix_and_never_take_a_password()
    {
        Assert.Equal(
            "Pmf:Alerts:Mailbox is ''; set it to the address of the mailbox digests are sent as (e.g. performance@council.gov.uk), which the app's identity may send as.",
            new AlertOptions { Transport = "graph" }.Validate());
        Assert.Equal(
            $"Pmf:Alerts:From 'PMF Pipeline <performance@example.gov.uk>' is not the mailbox smtp-oauth sends as; set Pmf:Alerts:From to \"PMF Pipeline <{Mailbox}>\".",
            new AlertOptions { Transport = "smtp-oauth", Mailbox = Mailbox }.Validate());
        Assert.Equal(
            "Pmf:Alerts:Smtp:Password is set, but SmtpOAuth signs in with a token from the app's identity; remove the password.",
            new AlertOptions { Transport = "SmtpOAuth", Mailbox = Mailbox, From = Mailbox, Smtp = { Password = "hunter2" } }.Validate());
        Assert.Contains("Pmf:Alerts:Graph:BaseUri", new AlertOptions { Transport = "Graph", Mailbox = Mailbox, From = Mailbox, Graph = { BaseUri = new Uri("/relative", UriKind.Relative) } }.Validate(), StringComparison.Ordinal);
        Assert.Contains("Pmf:Alerts:Retries", new AlertOptions { Retries = 11 }.Validate(), StringComparison.Ordinal);
        Assert.Contains("MaxRetryAfter", new AlertOptions { MaxRetryAfter = TimeSpan.FromHours(1) }.Validate(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MailTransports.Create(new AlertOptions { Transport = "graph" }));
    }

    [Fact]
    public void SmtpOAuth_goes_to_Exchange_Online_with_the_outlook_scope_unless_told_otherwise()
    {
        var options = Bind(new() { ["Pmf:Alerts:Transport"] = "smtp-oauth", ["Pmf:Alerts:Mailbox"] = Mailbox, ["Pmf:Alerts:From"] = Mailbox });

        Assert.Null(options.Validate());
        Assert.Equal("", options.Smtp.Host);
        Assert.Equal(587, options.Smtp.Port);
        Assert.True(options.Smtp.StartTls);
        Assert.Equal("https://outlook.office365.com/.default", options.Smtp.OAuthScope);
        Assert.Equal("smtp.office365.com", SmtpOptions.ExchangeOnlineHost);
        Assert.Equal(new Uri("https://graph.microsoft.com/v1.0"), options.Graph.BaseUri);
    }

    private static AlertOptions Bind(Dictionary<string, string?> settings) =>
        Settings.Bind<AlertOptions>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), AlertOptions.Section, _ => null);
}
