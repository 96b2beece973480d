using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Tests.Jobs;

namespace Pmf.Pipeline.Tests.FollowUp;

/// <summary>
/// The ingest harness (sample framework in a real SQLite warehouse) plus a sweep with its own clock
/// and a transport that keeps every message (and fails on demand).
/// </summary>
public sealed class SweepHarness : IAsyncDisposable
{
    private SweepHarness(IngestHarness ingest, KeepingTransport mail)
    {
        Ingest = ingest;
        Mail = mail;
    }

    public IngestHarness Ingest { get; }

    public FakeTimeProvider SweepClock { get; } = new(IngestHarness.Now);

    /// <summary>The sweep's transport; given to the ingest job too when the harness was created with it.</summary>
    public KeepingTransport Mail { get; }

    public FollowUpOptions FollowUp { get; } = new();

    public AlertOptions Alerts { get; } = new();

    /// <summary>Where digests link to; none unless a test sets it.</summary>
    public Pipeline.Web.WebLinks Links { get; set; } = Pipeline.Web.WebLinks.None;

    /// <summary>A harness whose ingest job mails nothing (its reports are owed to the sweep).</summary>
    public static async Task<SweepHarness> CreateAsync() => new(await IngestHarness.CreateAsync(), new KeepingTransport());

    /// <summary>A harness whose ingest job and sweep share <paramref name="mail"/>.</summary>
    public static async Task<SweepHarness> CreateAsync(KeepingTransport mail) => new(await IngestHarness.CreateAsync(mail: mail), mail);

    /// <summary>Sweeps as of the sweep clock's now (UK 07:00 on <paramref name="day"/> when given).</summary>
    public Task<SweepOutcome> SweepAsync(DateOnly? day = null, bool mail = true)
    {
        // A clock per sweep, so tests may sweep as of any day in any order.
        var clock = day is { } d ? new FakeTimeProvider(new DateTimeOffset(d.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero)) : SweepClock;
        var job = new SweepJob(Ingest.Warehouse.Database, mail ? Mail : null, clock, NullLogger<SweepJob>.Instance, FollowUp, Alerts, links: Links);
        return job.RunAsync(null, CancellationToken.None);
    }

    public Task<List<FollowUpRow>> FollowUpsAsync() => Ingest.QueryAsync<FollowUpRow>("""
        SELECT f.follow_up_id AS Id, f.kind AS Kind, f.indicator_code AS IndicatorCode, p.period_code AS PeriodCode,
               f.status AS Status, f.escalation_level AS Level
        FROM follow_up f JOIN dim_period p ON p.period_key = f.period_key ORDER BY f.follow_up_id
        """);

    public async Task<FollowUpRow?> FollowUpAsync(string kind, string indicator, string period) =>
        (await FollowUpsAsync()).SingleOrDefault(f => f.Kind == kind && f.IndicatorCode == indicator && f.PeriodCode == period);

    public ValueTask DisposeAsync() => Ingest.DisposeAsync();

    public sealed class FollowUpRow
    {
        public long Id { get; init; }

        public string Kind { get; init; } = "";

        public string IndicatorCode { get; init; } = "";

        public string PeriodCode { get; init; } = "";

        public string Status { get; init; } = "";

        public long Level { get; init; }
    }
}

/// <summary>A transport that keeps what it is given, or throws while <see cref="Failing"/> is set.</summary>
public sealed class KeepingTransport : IMailTransport
{
    public List<MimeMessage> Sent { get; } = [];

    public bool Failing { get; set; }

    public string Name => "Keeping";

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new IOException("The mail server is down.");
        }

        Sent.Add(message);
        return Task.CompletedTask;
    }
}
