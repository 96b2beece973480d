namespace Pmf.Pipeline.Quality;

/// <summary>The gate's running counts: what the summary is built from. Its size is bounded by the rule count.</summary>
internal sealed class GateTally
{
    private readonly Dictionary<string, int> _byRule = new(StringComparer.Ordinal);
    private readonly List<QualityIssue> _fileIssues = [];
    private readonly List<WithdrawnResult> _withdrawn = [];
    private int _checked;
    private int _loaded;
    private int _rejected;
    private int _repeated;
    private int _blank;
    private int _errors;
    private int _warnings;
    private bool _structural;

    public void Count(CheckedRow row) => Count(row.Outcome, row.Issues);

    /// <summary>Counts a row of any sheet (a return's result, an action update or a Finance row) by its outcome and issues.</summary>
    public void Count(RowOutcome outcome, IReadOnlyList<QualityIssue> issues)
    {
        switch (outcome)
        {
            case RowOutcome.Blank:
                _blank++;
                return;
            case RowOutcome.Loaded:
                _loaded++;
                break;
            case RowOutcome.Rejected:
                _rejected++;
                break;
            case RowOutcome.Repeat:
                _repeated++;
                break;
        }

        _checked++;
        foreach (var issue in issues)
        {
            CountIssue(issue);
        }
    }

    private void FileIssue(QualityIssue issue)
    {
        _fileIssues.Add(issue);
        CountIssue(issue);
    }

    /// <summary>A structural finding from the reader or job; an Error rejects the whole file.</summary>
    public void Structural(QualityIssue issue)
    {
        _structural |= issue.Severity == Severity.Error;
        FileIssue(issue);
    }

    public void Withdraw(WithdrawnResult withdrawn, QualityIssue issue)
    {
        _withdrawn.Add(withdrawn);
        _loaded--;
        _rejected++;
        FileIssue(issue);
    }

    public GateSummary Summarise()
    {
        if (_checked == 0 && _fileIssues.Count == 0)
        {
            FileIssue(QualityRules.NoRows.FileIssue("The return has no rows of results under its header. Fill in a row per indicator and period, and send the file again."));
        }

        var verdict = _structural || _loaded == 0 ? GateVerdict.Rejected
            : _errors + _warnings == 0 ? GateVerdict.Accepted
            : GateVerdict.AcceptedWithWarnings;
        return new GateSummary
        {
            Verdict = verdict,
            RowsChecked = _checked,
            RowsLoaded = _loaded,
            RowsRejected = _rejected,
            RowsRepeated = _repeated,
            RowsBlank = _blank,
            Errors = _errors,
            Warnings = _warnings,
            IssuesByRule = new Dictionary<string, int>(_byRule, StringComparer.Ordinal),
            FileIssues = [.. _fileIssues],
            Withdrawn = [.. _withdrawn],
        };
    }

    private void CountIssue(QualityIssue issue)
    {
        _byRule[issue.RuleId] = _byRule.GetValueOrDefault(issue.RuleId) + 1;
        if (issue.Severity == Severity.Error)
        {
            _errors++;
        }
        else
        {
            _warnings++;
        }
    }
}
