using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality.Rules;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// The data-quality gate for one submission. Check the return's rows one at a time as the reader
/// streams them (<see cref="Check(ReturnRow)"/>, or <see cref="Check(IEnumerable{ReturnRow})"/>
/// lazily); each comes back as a <see cref="CheckedRow"/> with what loads and what the sender should
/// fix. Then call <see cref="Complete"/> for the file's verdict. The gate never holds on to rows: it
/// remembers one small entry per (indicator, period) for duplicates and in-file history, so a
/// million-row return costs no more memory than its distinct keys.
/// </summary>
/// <remarks>
/// A row loads when no rule raised an Error on it; Warnings load flagged. Two rows giving different
/// values for one indicator and period are both rejected (DQ031), which may withdraw a row already
/// handed on: the load is one transaction per submission and must drop
/// <see cref="GateSummary.Withdrawn"/> before it commits, and load nothing when the verdict is
/// <see cref="GateVerdict.Rejected"/>. Not thread-safe: one gate per submission, rows in file order.
/// </remarks>
public sealed class QualityGate
{
    private readonly GateContext _context;
    private readonly IndicatorDirectory _directory;
    private readonly FileMemory _memory;
    private readonly ResultSeries _series;
    private readonly MeasurePeers _peers;
    private readonly GateTally _tally = new();
    private GateSummary? _summary;

    /// <summary>A gate for one submission, judged against <paramref name="context"/>.</summary>
    public QualityGate(GateContext context)
        : this(context, expectedRows: 0)
    {
    }

    /// <summary>
    /// A gate for one submission of about <paramref name="expectedRows"/> rows (e.g.
    /// <see cref="ReturnReadResult.DeclaredRows"/>): its memory is sized once, rather than grown, which
    /// at a million rows leaves ~40 MB of outgrown arrays behind.
    /// </summary>
    public QualityGate(GateContext context, int expectedRows)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedRows);
        _memory = new FileMemory(expectedRows);
        _context = context;
        _directory = new IndicatorDirectory(context);
        _series = new ResultSeries(context, _memory);
        _peers = new MeasurePeers(context);
    }

    /// <summary>How many (indicator, period) keys the gate remembers: all it keeps as the file streams past.</summary>
    public int RememberedKeys => _memory.Count;

    /// <summary>Checks rows lazily, one at a time, as the caller enumerates.</summary>
    public IEnumerable<CheckedRow> Check(IEnumerable<ReturnRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            yield return Check(row);
        }
    }

    /// <summary>Checks one row of the return, in file order.</summary>
    /// <exception cref="InvalidOperationException">The gate has already completed.</exception>
    public CheckedRow Check(ReturnRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        ThrowIfCompleted();
        var checkedRow = IsBlank(row) ? new CheckedRow(row, RowOutcome.Blank, null, []) : Run(new RowDraft(row));
        _tally.Count(checkedRow);
        return checkedRow;
    }

    /// <summary>
    /// Checks the return's Finance rows (DQ091-DQ097) and counts them with the results, so they share the
    /// file's verdict: a file of Finance rows alone is accepted when one of them loads.
    /// </summary>
    /// <exception cref="InvalidOperationException">The gate has already completed.</exception>
    public IReadOnlyList<Finance.CheckedFinance> CheckFinance(IReadOnlyList<Finance.FinanceRow> rows)
    {
        ThrowIfCompleted();
        var checkedRows = Finance.FinanceCheck.Check(rows, _context);
        foreach (var row in checkedRows)
        {
            _tally.Count(row.Outcome, row.Issues);
        }

        return checkedRows;
    }

    /// <summary>
    /// Records a file-level issue from the reader or job, e.g. <see cref="StructuralIssues.RequiredColumnMissing"/>.
    /// An Error rejects the whole file, whatever its rows say.
    /// </summary>
    public void AddFileIssue(QualityIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ThrowIfCompleted();
        _tally.Structural(issue);
    }

    /// <summary>
    /// Checks the rows of the return's Actions sheet (all at once: a delivery plan has tens of actions) and
    /// counts them into the file's verdict like any other row. Two rows for one action and period that
    /// disagree are both rejected (DQ031); an exact repeat loads once (DQ030).
    /// </summary>
    /// <exception cref="InvalidOperationException">The gate has already completed.</exception>
    public IReadOnlyList<CheckedAction> CheckActions(IReadOnlyList<ActionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ThrowIfCompleted();
        var check = new ActionCheck(_context);
        var checkedRows = rows.Select(row => (Row: row, Verdict: check.Check(row))).ToList();
        var first = new Dictionary<(string, string), AcceptedActionProgress>();
        var conflicted = new HashSet<(string, string)>();
        foreach (var progress in checkedRows.Select(c => c.Verdict.Progress).OfType<AcceptedActionProgress>())
        {
            var key = (progress.ActionCode, progress.Period.Key);
            if (!first.TryAdd(key, progress) && Comparable(first[key]) != Comparable(progress))
            {
                conflicted.Add(key);
            }
        }

        var outcome = new List<CheckedAction>(checkedRows.Count);
        foreach (var (row, (issues, progress)) in checkedRows)
        {
            var result = progress switch
            {
                null => new CheckedAction(row, RowOutcome.Rejected, null, issues),
                _ when conflicted.Contains((progress.ActionCode, progress.Period.Key)) => new CheckedAction(row, RowOutcome.Rejected, null, [.. issues, Issue(
                    QualityRules.ConflictingRows, row, progress, $"{progress.ActionCode} has more than one update for {progress.Period.Key} on this sheet, and they differ; none of them is recorded. Keep one row for the action, and send the file again.")]),
                _ when !ReferenceEquals(first[(progress.ActionCode, progress.Period.Key)], progress) => new CheckedAction(row, RowOutcome.Repeat, null, [.. issues, Issue(
                    QualityRules.RepeatedRow, row, progress, $"This row repeats the update for {progress.ActionCode} {progress.Period.Key} given above; it is recorded once.")]),
                _ => new CheckedAction(row, RowOutcome.Loaded, progress, issues),
            };
            _tally.Count(result.Outcome, result.Issues);
            outcome.Add(result);
        }

        return outcome;

        static AcceptedActionProgress Comparable(AcceptedActionProgress p) => p with { Sheet = null, Row = null };

        static QualityIssue Issue(QualityRule rule, ActionRow row, AcceptedActionProgress progress, string message) =>
            new(rule.Id, rule.Severity, message, row.Sheet, row.RowNumber, ActionColumns.Action, row.Action.Text, progress.ActionCode, progress.Period.Key);
    }

    /// <summary>Ends the submission and gives its verdict; calling it again gives the same summary.</summary>
    public GateSummary Complete() => _summary ??= _tally.Summarise();

    private CheckedRow Run(RowDraft draft)
    {
        if (!IndicatorCheck.Identify(draft, _directory) || !PeriodCheck.Resolve(draft, _context) || !IndicatorCheck.InScope(draft, _context.SenderService))
        {
            return Finish(draft, remember: false);
        }

        IndicatorCheck.Active(draft);
        PeriodCheck.Ended(draft, _context.AsOf);
        var (duplicate, entry) = DuplicateCheck.Register(draft, _memory);
        switch (duplicate)
        {
            case DuplicateOutcome.Repeat when entry.Loaded:
                return new CheckedRow(draft.Row, RowOutcome.Repeat, null, draft.Issues);
            case DuplicateOutcome.Conflict:
                if (entry.Loaded)
                {
                    _tally.Withdraw(new WithdrawnResult(draft.Code!, entry.Period.Key, entry.Sheet, entry.Row), DuplicateCheck.Withdrawal(entry, draft));
                }

                _memory.Conflicted(draft.Code!, draft.Period!);
                return Finish(draft, remember: false);
        }

        // A first row, or a repeat of a first row that was rejected: this one stands on its own merits
        // (it shows the same errors, unless only its commentary differed, e.g. a nil return's reason).
        CheckValues(draft);
        return Finish(draft, remember: true);
    }

    private void CheckValues(RowDraft draft)
    {
        if (draft.Definition!.Type == IndicatorType.Qualitative)
        {
            QualitativeCheck.Read(draft);
        }
        else
        {
            QuantityCheck.Read(draft);
            UnitCheck.Apply(draft);
        }

        RagScoring.Apply(draft, _context);
        CaseStudyCheck.Apply(draft);
        RestatementCheck.Apply(draft, _context, _series);
        if (draft.HasError || draft.Value is null)
        {
            return;
        }

        // History is only worth a sender's attention on a value that loads.
        RedCheck.Apply(draft, _series);
        OutlierCheck.Apply(draft, _series, _peers);
        ChangeCheck.Apply(draft, _series, _peers);
        CopiedForwardCheck.Apply(draft, _series);
        CopiedRowCheck.Apply(draft, _series);
    }

    /// <summary>The row's outcome; a loaded row that stands for its (indicator, period) is remembered as history when <paramref name="remember"/>.</summary>
    private CheckedRow Finish(RowDraft draft, bool remember)
    {
        if (draft.HasError)
        {
            return new CheckedRow(draft.Row, RowOutcome.Rejected, null, draft.Issues);
        }

        var result = new AcceptedResult
        {
            IndicatorCode = draft.Code!,
            Period = draft.Period!,
            Value = draft.Value,
            Numerator = draft.Numerator,
            Denominator = draft.Denominator,
            IsValueComputed = draft.IsValueComputed,
            Status = draft.Status,
            Commentary = draft.Commentary,
            RemedialAction = draft.RemedialAction,
            CaseStudyTitle = draft.CaseStudyTitle,
            IsNilReturn = draft.IsNilReturn,
            Rag = draft.Rag,
            Target = draft.Target?.Value,
            Tolerance = draft.Definition!.Tolerance,
            AmberThreshold = draft.Target?.AmberThreshold,
            TargetVersionId = draft.Target?.VersionId,
            Sheet = draft.Row.Sheet,
            Row = draft.Row.RowNumber,
            Judged = remember && _context.HoldsWarehouseHistory ? Judge(draft) : null,
        };
        if (remember)
        {
            _memory.Loaded(result.IndicatorCode, result.Period, draft.Row.Sheet, draft.Row.RowNumber, result);
        }

        return new CheckedRow(draft.Row, RowOutcome.Loaded, result, draft.Issues);
    }

    /// <summary>
    /// Currency and direction of travel for a row that stands for its key, judged against what the
    /// gate knows when it passes: the file's earlier rows and the warehouse's current results. A later
    /// row of the file for the previous period or the year before makes this judgement stale; that
    /// later row says so (<see cref="GateJudgement.NextIsStale"/>), and a withdrawal says so for itself.
    /// </summary>
    private GateJudgement Judge(RowDraft draft)
    {
        var (code, period, value) = (draft.Code!, draft.Period!, draft.Value);
        var previous = _series.At(code, period.Previous());
        var lastYear = _series.At(code, period.SameLastYear());
        var polarity = draft.Definition!.Polarity;
        return new GateJudgement(
            DirectionOfTravelRule.Evaluate(value, previous?.Value, polarity),
            DirectionOfTravelRule.Evaluate(value, lastYear?.Value, polarity),
            Settled: GateJudgement.KeepsExactly(value) && KeptExactly(previous) && KeptExactly(lastYear),
            NewKey: !_series.InWarehouse(code, period),
            NextIsStale: _memory.IsLoaded(code, period.Next()),
            NextYearIsStale: _memory.IsLoaded(code, period.SameNextYear()),
            HasStoredNeighbour: _series.InWarehouse(code, period.Next()) || _series.InWarehouse(code, period.SameNextYear()));

        static bool KeptExactly(PastResult? past) => past is not { } p || (p.ValueIsExact && GateJudgement.KeepsExactly(p.Value));
    }

    private static bool IsBlank(ReturnRow row) =>
        row.Indicator.IsBlank && row.Period.IsBlank && row.Value.IsBlank && row.Numerator.IsBlank && row.Denominator.IsBlank
        && row.Status.IsBlank && row.Commentary.IsBlank && row.RemedialAction.IsBlank;

    private void ThrowIfCompleted()
    {
        if (_summary is not null)
        {
            throw new InvalidOperationException("The gate has completed this submission; start a new gate for another.");
        }
    }
}
