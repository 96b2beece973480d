using ClosedXML.Excel;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Samples;

/// <summary>
/// The demo's updates on delivery-plan actions for the latest ended quarter: one workbook per service that
/// delivers actions, holding only an Actions sheet, with the faults councils really make. The framework's
/// first action is reported at risk with no commentary (loaded, flagged: DQ107); its second has a revised
/// date with no reason (rejected on its row: DQ105). The rest are a deterministic mix of on track, complete
/// (with its completion date), at risk with commentary and off track with a revised date and its reason.
/// </summary>
public static class SampleActionReturns
{
    /// <summary>The action reported at risk without commentary.</summary>
    public static string AtRiskWithoutCommentary(Framework framework) => Ordered(framework)[0].Code;

    /// <summary>The action given a revised date without a reason.</summary>
    public static string RevisedWithoutReason(Framework framework) => Ordered(framework)[1].Code;

    /// <summary>One file per service with actions, for the quarter before the one containing <paramref name="today"/>.</summary>
    public static IReadOnlyList<SampleActionReturn> Create(Framework framework, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var actions = Ordered(framework);
        if (actions.Count < 2)
        {
            return [];
        }

        var quarter = Period.Containing(today, Frequency.Quarterly).Previous();
        var rows = actions.Select((a, i) => (a.ServiceCode, Row: Update(a, i, quarter))).ToList();
        return [.. rows.GroupBy(r => r.ServiceCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var faults = g.Select(r => (string)r.Row[0]!).Where(code => code == actions[0].Code || code == actions[1].Code).ToList();
            var story = faults.Count == 0
                ? "delivery-plan action updates"
                : "delivery-plan action updates: " + string.Join("; ", faults.Select(code => code == actions[0].Code
                    ? $"{code} at risk without commentary"
                    : $"{code} given a revised date without a reason"));
            return new SampleActionReturn(g.Key, $"{g.Key} {quarter.Key.Replace('/', '-')} actions.xlsx", Workbook(quarter, g.Select(r => r.Row)), story);
        })];
    }

    private static List<DeliveryAction> Ordered(Framework framework) => [.. framework.Actions.OrderBy(a => a.Code, StringComparer.Ordinal)];

    private static object?[] Update(DeliveryAction action, int index, Period quarter)
    {
        var revised = quarter.End.AddMonths(6).ToDateTime(TimeOnly.MinValue);
        return index switch
        {
            0 => [action.Code, action.Name, "At Risk", 35, null, null, null, null],
            1 => [action.Code, action.Name, "on track", 50, "Work continues; the date has moved.", revised, null, null],
            _ => (index % 4) switch
            {
                0 => [action.Code, action.Name, "Complete", 100, "Delivered as planned.", null, null, quarter.End.AddDays(-12).ToDateTime(TimeOnly.MinValue)],
                1 => [action.Code, action.Name, "At risk", 40, "A key supplier has slipped; options go to the next board.", null, null, null],
                2 => [action.Code, action.Name, "Off track", 25, "Funding bid unsuccessful.", revised, "Re-phased after the funding bid failed.", null],
                _ => [action.Code, action.Name, "On Track", 60, "On course for the milestones.", null, null, null],
            },
        };
    }

    private static byte[] Workbook(Period quarter, IEnumerable<object?[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Actions");
        sheet.Cell(1, 1).SetValue($"Period: {quarter.Key}");
        object?[] header = ["Action", "Action name", "Status", "% complete", "Commentary", "Revised date", "Reason for revised date", "Completion date"];
        var r = 3;
        foreach (var row in rows.Prepend(header))
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case string text:
                        cell.SetValue(text);
                        break;
                    case int number:
                        cell.SetValue(number);
                        break;
                    case DateTime date:
                        cell.SetValue(date);
                        cell.Style.DateFormat.Format = "dd/mm/yyyy";
                        break;
                }
            }

            r++;
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}

/// <summary>A sample file of action updates as a service would drop it.</summary>
/// <param name="ServiceCode">The service folder.</param>
/// <param name="FileName">The file name.</param>
/// <param name="Bytes">The workbook.</param>
/// <param name="Story">What the file shows in the demo.</param>
public sealed record SampleActionReturn(string ServiceCode, string FileName, byte[] Bytes, string Story)
{
    /// <summary>The path inside the returns container.</summary>
    public string ReturnPath => $"{ServiceCode}/{FileName}";
}
