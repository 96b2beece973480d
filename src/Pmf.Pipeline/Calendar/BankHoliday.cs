namespace Pmf.Pipeline.Calendar;

/// <summary>A bank holiday in a UK nation, named as gov.uk names it (a substitute day says so).</summary>
/// <param name="Date">The day the holiday is taken.</param>
/// <param name="Name">E.g. <c>Good Friday</c>, <c>Christmas Day (substitute day)</c>.</param>
public sealed record BankHoliday(DateOnly Date, string Name);
