using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Publication;

/// <summary>One step a council's period took towards publication.</summary>
/// <param name="CouncilCode">The council.</param>
/// <param name="Period">The reporting period (a quarter or a financial year).</param>
/// <param name="Stage">The stage reached.</param>
/// <param name="By">Who took the step.</param>
/// <param name="At">When.</param>
/// <param name="Committee">The committee that reviewed or approved it (free text or a committee code), if any.</param>
/// <param name="Note">A note, e.g. the minute reference or the recommendation agreed.</param>
/// <param name="Results">For publishing: every current result of the period it took.</param>
/// <param name="RedResults">For publishing: how many of those were Red (none can be left out).</param>
public sealed record PublicationStep(
    string CouncilCode, Period Period, PublicationStage Stage, string By, DateTimeOffset At, string? Committee, string? Note, int Results, int RedResults);
