using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// What the Targets sheet needs to know of an indicator, kept even when its row had other errors so that
/// targets are still checked against whatever could be read.
/// </summary>
internal sealed record IndicatorFacts(string Code, IndicatorType? Type, Unit? Unit, Polarity? Polarity, Frequency? Frequency);
