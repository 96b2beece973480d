using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ070 qualitative without status, DQ071 status not recognised, DQ072 qualitative without
/// commentary, and DQ042 for a qualitative nil return (no status, with a reason). A status without
/// commentary loads with a Warning rather than being rejected: the status is the news, and holding
/// it back for want of words would hide it.
/// </summary>
internal static class QualitativeCheck
{
    public static void Read(RowDraft draft)
    {
        var cell = draft.Row.Status;
        if (CellText.IsExcelError(cell))
        {
            draft.Raise(QualityRules.StatusUnrecognised, ReturnColumns.Status, cell,
                $"Status shows Excel's error {CellText.Trim(cell.Text)}: the formula behind it failed. Type one of {Statuses}, and send the file again.");
            return;
        }

        if (CellText.Meaningful(cell) is not { } typed)
        {
            if (draft.Commentary is { } reason)
            {
                draft.IsNilReturn = true;
                draft.Raise(QualityRules.NilReturn, ReturnColumns.Status, cell,
                    $"No status for {draft.Subject}: recorded as a nil return, flagged. Give its status in a later return. Your reason: \"{QuantityCheck.Quote(reason)}\"");
                return;
            }

            draft.Raise(QualityRules.StatusMissing, ReturnColumns.Status, cell,
                $"{draft.Subject} is qualitative and has no status. Give its status ({Statuses}), or say why there is none in Commentary.");
            return;
        }

        if (QualitativeStatus.Normalise(typed) is not { } status)
        {
            draft.Raise(QualityRules.StatusUnrecognised, ReturnColumns.Status, cell,
                $"Status '{cell.Text}' is not one the pipeline knows. Use one of {Statuses}.");
            return;
        }

        draft.Status = status;
        if (draft.Commentary is null)
        {
            draft.Raise(QualityRules.QualitativeWithoutCommentary, ReturnColumns.Commentary, draft.Row.Commentary,
                $"{draft.Subject} is '{status}' but has no commentary. It has been loaded; add commentary saying what lies behind the status in your next return.");
        }
    }

    private static string Statuses => string.Join(", ", QualitativeStatus.All);
}
