using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ100-DQ109: one row of a return's Actions sheet, checked against the catalogue's actions. The action and
/// its period must be known before anything else is judged; every other finding on the row is raised together,
/// so the sender fixes the row in one go.
/// </summary>
internal sealed class ActionCheck(GateContext context)
{
    private readonly List<QualityIssue> _issues = [];

    // The row's action and period once known: its issues are then about them, as a result row's are about its
    // indicator and period, so a refused update reaches the data-quality follow-ups and report caveats.
    private PlannedAction? _action;
    private Period? _period;

    /// <summary>The row's verdict and, when it loads, what loads.</summary>
    public (IReadOnlyList<QualityIssue> Issues, AcceptedActionProgress? Progress) Check(ActionRow row)
    {
        _issues.Clear();
        (_action, _period) = (null, null);
        if ((_action = Identify(row)) is not { } action || (_period = ReadPeriod(row)) is not { } period)
        {
            return ([.. _issues], null);
        }

        var status = ReadStatus(row);
        var percent = ReadPercent(row);
        var commentary = CellText.Meaningful(row.Commentary);
        var reason = CellText.Meaningful(row.RevisionReason);
        var revised = ReadDate(row, row.RevisedDate, ActionColumns.RevisedDate);
        var completed = ReadDate(row, row.CompletionDate, ActionColumns.CompletionDate);
        if (revised is not null && reason is null)
        {
            Raise(QualityRules.RevisedDateWithoutReason, row, ActionColumns.RevisionReason, row.RevisionReason,
                $"{action.Code} has a revised date of {Day(revised.Value)} but no reason for it. Say why the date moved in 'Reason for revised date', and send the file again.");
        }

        if (status == QualitativeStatus.Complete)
        {
            if (completed is null && row.CompletionDate.IsBlank)
            {
                Raise(QualityRules.CompleteWithoutDate, row, ActionColumns.CompletionDate, row.CompletionDate,
                    $"{action.Code} is reported Complete but has no completion date. Type the date it was completed, e.g. {Day(period.End)}.");
            }

            if (percent is { } p && p < 100m)
            {
                Raise(QualityRules.CompleteWithoutDate, row, ActionColumns.PercentComplete, row.PercentComplete,
                    $"{action.Code} is reported Complete but only {p.ToString("0.##", CultureInfo.InvariantCulture)}% complete. Give 100%, or the status it is really at.");
            }
        }

        if (status is QualitativeStatus.AtRisk or QualitativeStatus.OffTrack && commentary is null)
        {
            Raise(QualityRules.AtRiskWithoutCommentary, row, ActionColumns.Commentary, row.Commentary,
                $"{action.Code} is {status.ToLowerInvariant()} but has no commentary. It is recorded; say what is wrong and what is being done about it in Commentary.");
        }

        if (status is null || _issues.Exists(i => i.Severity == Severity.Error))
        {
            return ([.. _issues], null);
        }

        var progress = new AcceptedActionProgress
        {
            ActionCode = action.Code,
            Period = period,
            Status = status,
            PercentComplete = percent ?? (status == QualitativeStatus.Complete ? 100m : null),
            Commentary = commentary,
            RevisedDate = revised,
            RevisionReason = reason,
            CompletionDate = completed,
            Delivery = DeliveryRag.Judge(status, period.End, action.Start, revised ?? action.End),
            Sheet = row.Sheet,
            Row = row.RowNumber,
        };
        return ([.. _issues], progress);
    }

    private PlannedAction? Identify(ActionRow row)
    {
        var typed = CellText.Trim(row.Action.Text);
        if (typed.Length == 0)
        {
            Raise(QualityRules.ActionBlank, row, ActionColumns.Action, row.Action,
                "This row gives an update but no action code. Type the action's code from the delivery plan, or delete the row.");
            return null;
        }

        if (!context.Actions.TryGetValue(typed, out var action))
        {
            var own = context.Actions.Values
                .Where(a => context.SenderService is null || string.Equals(a.ServiceCode, context.SenderService, StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Code).Order(StringComparer.Ordinal).ToList();
            var distances = own.Select(code => (Code: code, Distance: CodeDistance.Between(CodeDistance.Compact(typed), CodeDistance.Compact(code)))).Where(d => d.Distance <= 2).ToList();
            var near = distances.Where(d => d.Distance == distances.Min(m => m.Distance)).Select(d => d.Code).Take(3).ToList();
            var advice = near.Count > 0 ? $"Did you mean {string.Join(" or ", near)}? Correct the code"
                : own.Count > 0 ? $"Your service's actions are {string.Join(", ", own.Take(10))}{(own.Count > 10 ? "…" : string.Empty)}; correct the code"
                : "Check the code against your service's delivery plan";
            Raise(QualityRules.UnknownAction, row, ActionColumns.Action, row.Action,
                $"Action '{typed}' is not in the catalogue's delivery plan. {advice}, or ask the performance team to add the action.");
            return null;
        }

        if (context.SenderService is { } sender && !string.Equals(action.ServiceCode, sender.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            Raise(QualityRules.ActionOutOfScope, row, ActionColumns.Action, row.Action,
                $"{action.Code} ({action.Name}) is delivered by service {action.ServiceCode}, not {sender.Trim()}, so this return cannot report on it. Delete the row, or ask {action.ServiceCode} to include it in their return.");
            return null;
        }

        return action;
    }

    private Period? ReadPeriod(ActionRow row)
    {
        var cell = row.Period;
        var example = Period.Containing(context.AsOf, Frequency.Quarterly).Previous().Key;
        Period? period = null;
        string? error;
        if (cell.Value is DateTime date)
        {
            period = PeriodParser.FromDate(date, Frequency.Quarterly);
            error = null;
        }
        else if (cell.IsBlank)
        {
            error = $"The period is blank. Type the quarter the update is for, e.g. {example}.";
        }
        else
        {
            var parsed = PeriodParser.Parse(CellText.Trim(cell.Text));
            period = parsed.Period;
            error = parsed.Error is { } why ? $"{why.TrimEnd('.')}. Type the quarter the update is for, e.g. {example}." : null;
        }

        if (period is null)
        {
            Raise(QualityRules.ActionPeriodUnreadable, row, ActionColumns.Period, cell, error ?? $"'{cell.Text}' is not a period. Type the quarter the update is for, e.g. {example}.");
            return null;
        }

        if (period.End >= context.AsOf)
        {
            Raise(QualityRules.ActionPeriodUnreadable, row, ActionColumns.Period, cell,
                $"{period.Key} does not end until {Day(period.End)}, so progress on it is not final yet. Check the period, or send this update once the period is over.");
            return null;
        }

        return period;
    }

    private string? ReadStatus(ActionRow row)
    {
        if (QualitativeStatus.Normalise(row.Status.Text) is { } status)
        {
            return status;
        }

        var what = row.Status.IsBlank ? "The Status is blank" : $"Status '{CellText.Trim(row.Status.Text)}' is not one the pipeline knows";
        Raise(QualityRules.ActionStatusUnrecognised, row, ActionColumns.Status, row.Status,
            $"{what}. Give one of {string.Join(", ", QualitativeStatus.All)}.");
        return null;
    }

    private decimal? ReadPercent(ActionRow row)
    {
        var cell = row.PercentComplete;
        if (cell.IsBlank || CellText.IsPlaceholder(cell))
        {
            return null;
        }

        if (CellValues.TryReadNumber(cell, out var value, out _) && value is >= 0m and <= 100m)
        {
            return value;
        }

        Raise(QualityRules.ActionPercentOutOfRange, row, ActionColumns.PercentComplete, cell,
            $"Percent complete '{CellText.Trim(cell.Text)}' is not a number from 0 to 100. Type how far through the action is, e.g. 60%.");
        return null;
    }

    private DateOnly? ReadDate(ActionRow row, WorkbookCell cell, string column)
    {
        if (cell.IsBlank || CellText.IsPlaceholder(cell))
        {
            return null;
        }

        if (!CellValues.TryReadDate(cell, out var date))
        {
            Raise(QualityRules.ActionDateUnreadable, row, column, cell,
                $"{column} '{CellText.Trim(cell.Text)}' is not a date. Type it as a date, e.g. 31/03/2027.");
            return null;
        }

        if (column == ActionColumns.CompletionDate && date > context.AsOf)
        {
            Raise(QualityRules.ActionDateUnreadable, row, column, cell,
                $"The completion date {Day(date)} has not come yet. Give the date the action was completed, or report the status it is at now.");
            return null;
        }

        return date;
    }

    private void Raise(QualityRule rule, ActionRow row, string column, WorkbookCell cell, string message) =>
        _issues.Add(new QualityIssue(rule.Id, rule.Severity, message, row.Sheet, row.RowNumber, column, cell.Text,
            _period is null ? (CellText.Trim(row.Action.Text) is { Length: > 0 } code ? code : null) : _action!.Code, _period?.Key));

    private static string Day(DateOnly date) => IndicatorCheck.Day(date);
}
