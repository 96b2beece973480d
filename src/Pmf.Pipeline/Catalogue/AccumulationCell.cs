using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Catalogue;

/// <summary>The Indicators sheet's <c>Accumulates</c> column: how it is written and read.</summary>
internal static class AccumulationCell
{
    /// <summary>The catalogue's (and the warehouse's) spelling.</summary>
    public static string Text(Accumulation accumulation) => accumulation switch
    {
        Accumulation.YearToDate => "Year to date",
        Accumulation.Snapshot => "Snapshot",
        _ => "Per period",
    };

    /// <summary>Blank is per period; anything else not understood is an error naming the choices.</summary>
    public static Accumulation Read(CatalogueRow row, Frequency? frequency)
    {
        var text = row.Text(IndicatorsSheet.Accumulates);
        if (text is null)
        {
            return Accumulation.PerPeriod;
        }

        var words = new string([.. text.ToLowerInvariant().Where(char.IsLetter)]);
        Accumulation? read = words switch
        {
            "perperiod" or "period" or "discrete" or "inperiod" or "no" => Accumulation.PerPeriod,
            "yeartodate" or "ytd" or "cumulative" or "cumulativeinyear" or "yes" => Accumulation.YearToDate,
            "snapshot" or "pointintime" or "position" or "atperiodend" => Accumulation.Snapshot,
            _ => null,
        };
        if (read is null)
        {
            row.Error(IndicatorsSheet.Accumulates, $"{IndicatorsSheet.Accumulates} '{text}' is not one of Per period, Year to date or Snapshot; enter Year to date if each period's figure is the year so far, Snapshot for a position on the period's last day, or leave it blank for Per period.");
            return Accumulation.PerPeriod;
        }

        if (read == Accumulation.YearToDate && frequency == Frequency.Annual)
        {
            row.Warning(IndicatorsSheet.Accumulates, $"{IndicatorsSheet.Accumulates} is Year to date, but the indicator is reported annually, so every figure is already the whole year; it has no effect here.");
        }

        return read.Value;
    }
}
