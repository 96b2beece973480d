using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Alerts;

public sealed class DigestMailTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 12, 21, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_head_of_service_alone_gets_a_digest_below_director_level()
    {
        var message = DigestMail.Create(Digest(Item(FollowUpKind.Late, EscalationLevel.HeadOfService)), new AlertOptions())!;

        Assert.Equal(["head@example.gov.uk"], message.Recipients);
        Assert.Equal("PMF follow-up for Housing: 1 overdue", message.Message.Subject);
        Assert.Equal([7L], message.FollowUpIds);
    }

    [Fact]
    public void The_director_is_copied_at_level_two_and_the_performance_team_at_level_three()
    {
        var director = DigestMail.Create(Digest(Item(FollowUpKind.Late, EscalationLevel.Director)), new AlertOptions())!;
        var team = DigestMail.Create(Digest(Item(FollowUpKind.Late, EscalationLevel.PerformanceTeam)), new AlertOptions { PerformanceTeam = "pmo@example.gov.uk" })!;

        Assert.Equal(["head@example.gov.uk", "director@example.gov.uk"], director.Recipients);
        Assert.Equal(["head@example.gov.uk", "director@example.gov.uk", "pmo@example.gov.uk"], team.Recipients);
    }

    [Fact]
    public void Hostile_text_is_escaped_in_HTML_and_kept_to_one_line_in_the_subject_and_text()
    {
        var item = Item(FollowUpKind.Red, EscalationLevel.HeadOfService) with
        {
            IndicatorName = "Homes <img src=x onerror=alert(1)>",
            Commentary = "<script>steal()</script>\r\n- [1] forged line",
            Value = 5m,
            Target = 30m,
            Rag = RagStatus.Red,
        };
        var digest = Digest(item) with { ServiceName = "Housing\r\nBcc: evil@example.com" };

        var message = DigestMail.Create(digest, new AlertOptions())!.Message;

        Assert.Equal("PMF follow-up for Housing  Bcc: evil@example.com: 1 failing", message.Subject);
        var page = Dom.Parse(message.HtmlBody ?? "");
        Assert.Empty(page.Active());
        Assert.Contains("Homes <img src=x onerror=alert(1)>", page.One("tr.item strong").Words(), StringComparison.Ordinal);
        Assert.Contains("Commentary: <script>steal()</script> - [1] forged line", page.One("tr.item").Words(), StringComparison.Ordinal);
        Assert.DoesNotContain("\n- [1] forged line", message.TextBody, StringComparison.Ordinal);
        Assert.Empty(message.Bcc);
    }

    [Fact]
    public void A_green_indicator_worse_three_periods_running_is_listed_as_getting_worse_not_as_failing()
    {
        var worsening = Item(FollowUpKind.Worsening, EscalationLevel.HeadOfService) with { IndicatorCode = "BRK-HOU-03", Value = 22.6m, Target = 26.6m, Rag = RagStatus.Green };
        var red = Item(FollowUpKind.Red, EscalationLevel.HeadOfService) with { FollowUpId = 8, Value = 5m, Target = 30m, Rag = RagStatus.Red };

        var message = DigestMail.Create(Digest(worsening, red), new AlertOptions())!.Message;

        Assert.Equal("PMF follow-up for Housing: 1 failing, 1 getting worse", message.Subject);
        var text = message.TextBody ?? "";
        var failing = text.IndexOf("Failing indicators", StringComparison.Ordinal);
        var worse = text.IndexOf("Getting worse (three periods running)", StringComparison.Ordinal);
        Assert.True(failing >= 0 && worse > failing, text);
        Assert.DoesNotContain("BRK-HOU-03", text[failing..worse], StringComparison.Ordinal);
        Assert.Contains("BRK-HOU-03", text[worse..], StringComparison.Ordinal);
        var headings = Dom.Parse(message.HtmlBody ?? "").QuerySelectorAll("h2").Select(h => h.Words()).ToList();
        Assert.Equal(["Failing indicators", "Getting worse (three periods running)"], headings);
        var worseSection = Dom.Parse(message.HtmlBody ?? "").QuerySelectorAll("table")[1];
        Assert.Contains("BRK-HOU-03", worseSection.Words(), StringComparison.Ordinal);
        Assert.DoesNotContain("BRK-HOU-03", Dom.Parse(message.HtmlBody ?? "").QuerySelectorAll("table")[0].Words(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_HTML_part_is_styled_and_ends_with_the_text_parts_footer()
    {
        var red = Item(FollowUpKind.Red, EscalationLevel.HeadOfService) with { FollowUpId = 8, Value = 5m, Target = 30m, Rag = RagStatus.Red, Commentary = "Two officers & a \"plan\"" };

        var message = DigestMail.Create(Digest(Item(FollowUpKind.Late, EscalationLevel.HeadOfService), red), new AlertOptions())!.Message;

        var page = Dom.Parse(message.HtmlBody ?? "");
        var footer = (message.TextBody ?? "").TrimEnd().Split('\n')[^1];
        Assert.Equal(footer, page.One("p.footer").Words());
        Assert.Contains("font-family", page.Body!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("h2"), h => Assert.Contains("border-left", h.GetAttribute("style"), StringComparison.Ordinal));
        Assert.Equal(["[7]", "[8]"], page.QuerySelectorAll("tr.item td:first-child").Select(td => td.Words()));
        Assert.Contains("Commentary: Two officers & a \"plan\"", page.One("tr.item[data-follow-up='8']").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_digest_is_built_for_a_head_of_service_without_a_usable_address()
    {
        Assert.Null(DigestMail.Create(Digest(Item(FollowUpKind.Late, 1)) with { HeadOfServiceEmail = "not an address" }, new AlertOptions()));
        Assert.Null(DigestMail.Create(Digest(Item(FollowUpKind.Late, 1)) with { HeadOfServiceEmail = "a@b.c\r\nBcc: x@y.z" }, new AlertOptions()));
    }

    [Fact]
    public void Alert_options_name_the_setting_to_fix()
    {
        Assert.Null(new AlertOptions().Validate());
        Assert.Equal("Pmf:Alerts:Transport is 'Pigeon'; set it to Outbox, Smtp, SmtpOAuth or Graph.", new AlertOptions { Transport = "Pigeon" }.Validate());
        Assert.Equal("Pmf:Alerts:Smtp:Host is empty; name the SMTP server, or set Pmf:Alerts:Transport to Outbox.", new AlertOptions { Transport = "Smtp" }.Validate());
        Assert.Contains("CoolDownDays", new AlertOptions { CoolDownDays = -1 }.Validate(), StringComparison.Ordinal);
    }

    private static Digest Digest(params DigestItem[] items) =>
        new("HOU", "Housing", "Ann Head", "head@example.gov.uk", "Dee Rector", "director@example.gov.uk", AsOf, items);

    private static DigestItem Item(string kind, int level) =>
        new(7, kind, "ASH-HOU-02", "Households in temporary accommodation", "2026/27 M08", FollowUpStatus.Open, level,
            new DateOnly(2026, 12, 14), 5, null, null, null, null, null, null, null);
}
