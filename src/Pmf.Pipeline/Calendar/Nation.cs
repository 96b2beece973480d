namespace Pmf.Pipeline.Calendar;

/// <summary>
/// The UK nation a council is in: it decides the bank holidays its due dates, reminders and
/// escalations skip. England and Wales share one calendar.
/// </summary>
public enum Nation
{
    /// <summary>England (the default where a catalogue does not say).</summary>
    England,

    /// <summary>Wales: England and Wales bank holidays.</summary>
    Wales,

    /// <summary>Scotland: 2 January, the first Monday of August and St Andrew's Day; no Easter Monday.</summary>
    Scotland,

    /// <summary>Northern Ireland: England and Wales bank holidays plus St Patrick's Day and the Battle of the Boyne.</summary>
    NorthernIreland,
}
