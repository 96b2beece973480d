namespace Pmf.Pipeline.Quality;

/// <summary>
/// Every data-quality rule the gate applies, as data: reports, follow-up digests and the docs list
/// them from <see cref="All"/>. Ids are stable and grouped by tens: file (DQ00x), identity (DQ01x),
/// period (DQ02x), duplicates (DQ03x), values (DQ04x), numerator and denominator (DQ05x), Red
/// results (DQ06x), qualitative (DQ07x), history (DQ08x), published figures and finance (DQ09x),
/// delivery-plan actions (DQ10x).
/// </summary>
public static class QualityRules
{
    /// <summary>DQ001: a required column is not in the header (structural; rejects the file).</summary>
    public static QualityRule RequiredColumnMissing { get; } = new("DQ001", "Required column missing", Severity.Error,
        "The header has no Indicator or Period column (or no Value column when quantitative indicators are reported), so no row can be read.");

    /// <summary>DQ002: the file or its sheet cannot be read (structural; rejects the file).</summary>
    public static QualityRule UnreadableReturn { get; } = new("DQ002", "Unreadable return", Severity.Error,
        "The file could not be read as a return: not a workbook or CSV, protected, corrupt, or without a header row.");

    /// <summary>DQ003: the header is there but no data rows follow it.</summary>
    public static QualityRule NoRows { get; } = new("DQ003", "No data rows", Severity.Error,
        "The return has a header but no rows of results under it.");

    /// <summary>DQ004: the pipeline failed on the file in a way it did not foresee (rejects the file; the operator has the details).</summary>
    public static QualityRule NotProcessed { get; } = new("DQ004", "Return could not be processed", Severity.Error,
        "The pipeline met an unexpected fault while reading or checking the file; nothing from it was loaded, the performance team has the details in the log, and the file can be sent again once they say it is fixed.");

    /// <summary>DQ005: a UTF-8 CSV holds a byte that is not UTF-8; it was read as Windows-1252 (a warning on the row).</summary>
    public static QualityRule NotUtf8 { get; } = new("DQ005", "Character not in UTF-8", Severity.Warning,
        "A CSV saved as UTF-8 holds a character typed in another encoding (often ’, £ or é pasted from another program); it was read as Windows-1252, which is usually right: check the row, and save the file as 'CSV UTF-8' next time.");

    /// <summary>DQ010: the indicator cell is blank.</summary>
    public static QualityRule IndicatorBlank { get; } = new("DQ010", "Indicator blank", Severity.Error,
        "A row with something in it has no indicator code, so nothing on it can be recorded.");

    /// <summary>DQ011: the code is not in the catalogue.</summary>
    public static QualityRule UnknownIndicator { get; } = new("DQ011", "Unknown indicator", Severity.Error,
        "The indicator code is not in the catalogue (matched ignoring case and surrounding spaces); the nearest code of the sender's service is suggested.");

    /// <summary>DQ012: the indicator belongs to another service.</summary>
    public static QualityRule OutOfScope { get; } = new("DQ012", "Indicator of another service", Severity.Error,
        "The catalogue gives the indicator to another service; a service reports only its own indicators.");

    /// <summary>DQ013: the indicator is not reported in the period.</summary>
    public static QualityRule NotActive { get; } = new("DQ013", "Indicator not active in period", Severity.Error,
        "The indicator had not started, or had been retired, in the period given.");

    /// <summary>DQ020: the period is blank, unreadable or ambiguous.</summary>
    public static QualityRule PeriodUnreadable { get; } = new("DQ020", "Period blank or unreadable", Severity.Error,
        "The period is blank, is not a form the pipeline reads, or fits more than one period (never guessed).");

    /// <summary>DQ021: the period is of another frequency than the indicator's.</summary>
    public static QualityRule PeriodWrongFrequency { get; } = new("DQ021", "Period of the wrong frequency", Severity.Error,
        "The period is a month, quarter or year, but the indicator is reported at another frequency.");

    /// <summary>DQ022: the period has not ended as of the day the return is checked.</summary>
    public static QualityRule PeriodInFuture { get; } = new("DQ022", "Period in the future", Severity.Error,
        "The period has not ended yet (or not even started) on the day the return is checked; a result is only final once its period is over.");

    /// <summary>DQ030: a row repeats an earlier row's values exactly.</summary>
    public static QualityRule RepeatedRow { get; } = new("DQ030", "Repeated row", Severity.Warning,
        "A row repeats the same indicator, period and values as an earlier row; the earlier row loads once.");

    /// <summary>DQ031: two rows give different values for one indicator and period.</summary>
    public static QualityRule ConflictingRows { get; } = new("DQ031", "Conflicting rows", Severity.Error,
        "Two or more rows give different values for the same indicator (or action) and period; none of them loads, because picking one would be a guess.");

    /// <summary>DQ040: a value, numerator or denominator is not a number.</summary>
    public static QualityRule NotANumber { get; } = new("DQ040", "Not a number", Severity.Error,
        "A quantitative indicator's Value, Numerator or Denominator is not a number (text, a formula's text, a date, an Excel error such as #DIV/0! or #N/A).");

    /// <summary>DQ041: no value and no reason.</summary>
    public static QualityRule ValueMissing { get; } = new("DQ041", "Value missing", Severity.Error,
        "The Value is blank and Commentary gives no reason; give the value, or say why there is none.");

    /// <summary>DQ042: a nil return, recorded with its reason.</summary>
    public static QualityRule NilReturn { get; } = new("DQ042", "Nil return", Severity.Warning,
        "The Value (or Status) is blank and Commentary says why: recorded as missing with its reason, and flagged.");

    /// <summary>DQ043: a percentage below 0 or above 100.</summary>
    public static QualityRule PercentOutOfRange { get; } = new("DQ043", "Percentage outside 0–100", Severity.Error,
        "A percentage indicator's value is below 0 or above 100, and the indicator is not one allowed to be.");

    /// <summary>DQ044: a negative count or number of days.</summary>
    public static QualityRule NegativeAmount { get; } = new("DQ044", "Negative count or days", Severity.Error,
        "A count or a number of days is below zero.");

    /// <summary>DQ045: a count with a fraction.</summary>
    public static QualityRule CountNotWhole { get; } = new("DQ045", "Count not whole", Severity.Warning,
        "A count has a fractional part; it loads as given, flagged for checking.");

    /// <summary>DQ046: a percentage given for an indicator measured in another unit.</summary>
    public static QualityRule PercentForOtherUnit { get; } = new("DQ046", "Percentage for a non-percentage indicator", Severity.Error,
        "The value is typed or formatted as a percentage, but the indicator is measured in another unit, so what was meant cannot be told.");

    /// <summary>DQ047: a percentage between 0 and 1 that may be a fraction.</summary>
    public static QualityRule PercentLooksLikeFraction { get; } = new("DQ047", "Percentage looks like a fraction", Severity.Warning,
        "A percentage indicator's value lies between 0 and 1 without a % sign or percentage format: 0.85 loads as 0.85%, which may have been meant as 85%.");

    /// <summary>DQ048: a number too large to be a council's figure, or to compute with.</summary>
    public static QualityRule NumberTooLarge { get; } = new("DQ048", "Number too large", Severity.Error,
        "A Value, Numerator or Denominator is a quintillion (10^18) or more, either sign, or the value worked out from them would be: no council's figure, and too large to check.");

    /// <summary>DQ050: the value disagrees with numerator ÷ denominator × multiplier.</summary>
    public static QualityRule RatioMismatch { get; } = new("DQ050", "Value disagrees with numerator and denominator", Severity.Error,
        "Where Value, Numerator and Denominator are all given, Value must equal Numerator ÷ Denominator × multiplier within rounding.");

    /// <summary>DQ051: the denominator is zero.</summary>
    public static QualityRule ZeroDenominator { get; } = new("DQ051", "Zero denominator", Severity.Error,
        "The Denominator is 0, so the rate cannot be worked out.");

    /// <summary>DQ052: a numerator without a denominator, or the reverse.</summary>
    public static QualityRule RatioIncomplete { get; } = new("DQ052", "Numerator or denominator alone", Severity.Warning,
        "Only one of Numerator and Denominator is given, so the value cannot be checked or worked out from them.");

    /// <summary>DQ060: a Red result without commentary.</summary>
    public static QualityRule RedWithoutCommentary { get; } = new("DQ060", "Red without commentary", Severity.Warning,
        "The result is Red against target and Commentary is blank; it loads (bad news is never held back) and the commentary is followed up.");

    /// <summary>DQ061: Red for two periods running without remedial action.</summary>
    public static QualityRule RedTwiceWithoutAction { get; } = new("DQ061", "Red two periods running without remedial action", Severity.Warning,
        "The result is Red, the previous period's was Red too, and Remedial action is blank.");

    /// <summary>DQ070: a qualitative indicator without a status or a reason.</summary>
    public static QualityRule StatusMissing { get; } = new("DQ070", "Qualitative without status", Severity.Error,
        "A qualitative indicator's Status is blank and Commentary gives no reason.");

    /// <summary>DQ071: a status the pipeline does not recognise.</summary>
    public static QualityRule StatusUnrecognised { get; } = new("DQ071", "Status not recognised", Severity.Error,
        "The Status is not one of On track, At risk, Off track, Complete, Not started (or an accepted spelling of one).");

    /// <summary>DQ072: a qualitative status without commentary.</summary>
    public static QualityRule QualitativeWithoutCommentary { get; } = new("DQ072", "Qualitative without commentary", Severity.Warning,
        "A qualitative indicator's status is given without the commentary that explains it; it loads, and the commentary is followed up.");

    /// <summary>DQ080: a value far from the indicator's recent history.</summary>
    public static QualityRule Outlier { get; } = new("DQ080", "Outlier against history", Severity.Warning,
        "The value is at least double or half what the indicator's last eight periods lead one to expect (their median, or their steady trend), and more than 3.5 of their spreads from it, the spread never below the scale floor; a shock the same measure's other councils share is allowed for.");

    /// <summary>DQ081: a large change against the previous period.</summary>
    public static QualityRule LargeChangeFromPrevious { get; } = new("DQ081", "Large change from previous period", Severity.Warning,
        "The value more than doubled or fell below half of the previous period's, unusually for the indicator's own past changes and beyond the scale floor, beyond chance for its numerator and denominator, and unlike the same measure's other councils.");

    /// <summary>DQ082: a large change against the same period last year.</summary>
    public static QualityRule LargeChangeFromLastYear { get; } = new("DQ082", "Large change from same period last year", Severity.Warning,
        "As DQ081, against the same period a year earlier (for monthly and quarterly indicators).");

    /// <summary>DQ083: the same value as each of the last few periods.</summary>
    public static QualityRule CopiedForward { get; } = new("DQ083", "Value copied forward", Severity.Warning,
        "The value is identical to each of the previous periods' values, as if last period's figure were copied forward.");

    /// <summary>DQ084: the previous period's whole row (value, numerator and denominator) given again.</summary>
    public static QualityRule CopiedRow { get; } = new("DQ084", "Row copied from previous period", Severity.Warning,
        "Value, Numerator and Denominator are all identical to the previous period's, as if last period's whole row were copied forward.");

    /// <summary>DQ085: a case study title without the story.</summary>
    public static QualityRule CaseStudyWithoutStory { get; } = new("DQ085", "Case study without a story", Severity.Warning,
        "The Case study column gives a title but Commentary, which holds the story, is blank; the result loads and no case study is kept.");

    /// <summary>DQ086: a case study carrying someone's contact details.</summary>
    public static QualityRule CaseStudyContactDetails { get; } = new("DQ086", "Contact details in a case study", Severity.Warning,
        "The story holds an email address or a phone number; case studies are published, so the result loads and the case study is not kept until they are removed.");

    /// <summary>DQ087: a case study too short to tell residents anything.</summary>
    public static QualityRule CaseStudyTooShort { get; } = new("DQ087", "Case study too short", Severity.Warning,
        "The story is under 100 characters: too short to say what changed for residents. It is kept, and flagged for the service to expand.");

    /// <summary>True for the case-study rules, which concern the annual review's stories, not the figure.</summary>
    public static bool IsCaseStudy(string ruleId) => ruleId is "DQ085" or "DQ086" or "DQ087";
    /// <summary>DQ090: a value for a published period that differs from the published one, without a reason.</summary>
    public static QualityRule RestatementWithoutReason { get; } = new("DQ090", "Published figure changed without a reason", Severity.Error,
        "The period has been published for the council and the row changes the published value (or status); a change to a published figure is a restatement, listed in the next report with its reason, so Commentary must say why.");

    /// <summary>DQ091: a Finance row for another service than the sender's, or one not in the catalogue.</summary>
    public static QualityRule FinanceOtherService { get; } = new("DQ091", "Finance for another service", Severity.Error,
        "A Finance row's Service is not the service whose folder the file came from; a service reports only its own budget.");

    /// <summary>DQ092: which council's budget a Finance row is cannot be told.</summary>
    public static QualityRule FinanceCouncilUnclear { get; } = new("DQ092", "Finance council unclear", Severity.Error,
        "A Finance row's Council is blank for a service shared by more than one council, or names a council the service does not report for.");

    /// <summary>DQ093: a Finance row's period is blank, not a quarter, or not over yet.</summary>
    public static QualityRule FinancePeriodUnreadable { get; } = new("DQ093", "Finance period not a past quarter", Severity.Error,
        "A Finance row's Period is blank, unreadable, not a quarter, or a quarter that has not ended yet.");

    /// <summary>DQ094: budget or forecast outturn blank or not a number.</summary>
    public static QualityRule FinanceAmountMissing { get; } = new("DQ094", "Budget or forecast outturn missing", Severity.Error,
        "A Finance row's Budget or Forecast outturn is blank or not a number (amounts may be typed as 1,234, £1,234 or (1,234) for a negative).");

    /// <summary>DQ095: the variance is not forecast outturn less budget.</summary>
    public static QualityRule FinanceVarianceMismatch { get; } = new("DQ095", "Variance disagrees with budget and forecast", Severity.Error,
        "Where Variance is given it must equal Forecast outturn less Budget, within 1 for rounding; a blank Variance is worked out.");

    /// <summary>DQ096: a variance beyond the tolerance without commentary.</summary>
    public static QualityRule FinanceVarianceUnexplained { get; } = new("DQ096", "Variance without commentary", Severity.Warning,
        "The forecast is more than 5% over or under budget and Commentary is blank; it loads (an overspend is never held back) and the commentary is followed up.");

    /// <summary>DQ097: two Finance rows for one service and quarter disagree.</summary>
    public static QualityRule FinanceConflictingRows { get; } = new("DQ097", "Conflicting finance rows", Severity.Error,
        "Two or more Finance rows give different figures for the same council, service and quarter; none of them loads, because picking one would be a guess.");

    /// <summary>DQ098: a Finance row changing the figures of a quarter its council has published, without a reason.</summary>
    public static QualityRule FinanceRestatementWithoutReason { get; } = new("DQ098", "Published finance changed without a reason", Severity.Error,
        "The quarter has been published for the council and the Finance row changes its budget, forecast outturn or variance; a change to published finance is a restatement, listed in the next report with its reason, so Commentary must say why.");

    /// <summary>DQ100: a row of the Actions sheet with an update but no action code.</summary>
    public static QualityRule ActionBlank { get; } = new("DQ100", "Action blank", Severity.Error,
        "A row of the Actions sheet gives an update but no action code, so it cannot be recorded against an action.");

    /// <summary>DQ101: the action code is not in the catalogue.</summary>
    public static QualityRule UnknownAction { get; } = new("DQ101", "Unknown action", Severity.Error,
        "The action code is not one of the delivery-plan actions in the catalogue (matched ignoring case and surrounding spaces); the nearest code of the sender's service is suggested.");

    /// <summary>DQ102: the action is another service's.</summary>
    public static QualityRule ActionOutOfScope { get; } = new("DQ102", "Action of another service", Severity.Error,
        "The catalogue gives the action to another service; a service reports progress only on its own actions.");

    /// <summary>DQ103: the action's status is blank or not recognised.</summary>
    public static QualityRule ActionStatusUnrecognised { get; } = new("DQ103", "Action status blank or not recognised", Severity.Error,
        "The Status is blank, or not one of Not started, On track, At risk, Off track, Complete (read ignoring case, spaces and hyphens, so 'on-track' and 'ON TRACK' are On track).");

    /// <summary>DQ104: the percentage complete is not a number from 0 to 100.</summary>
    public static QualityRule ActionPercentOutOfRange { get; } = new("DQ104", "Percent complete not 0–100", Severity.Error,
        "Percent complete is not a number, or is below 0 or above 100.");

    /// <summary>DQ105: a revised date without the reason for it.</summary>
    public static QualityRule RevisedDateWithoutReason { get; } = new("DQ105", "Revised date without a reason", Severity.Error,
        "A Revised date is given but the Reason for revised date is blank: a delivery date only moves with a reason the committee can read.");

    /// <summary>DQ106: an action reported complete without its completion date, or short of 100%.</summary>
    public static QualityRule CompleteWithoutDate { get; } = new("DQ106", "Complete without completion date", Severity.Error,
        "The Status is Complete but the Completion date is blank, or Percent complete is given below 100.");

    /// <summary>DQ107: an action at risk or off track without commentary.</summary>
    public static QualityRule AtRiskWithoutCommentary { get; } = new("DQ107", "At risk or off track without commentary", Severity.Warning,
        "The Status is At risk or Off track and Commentary is blank; it loads (bad news is never held back) and the commentary is followed up.");

    /// <summary>DQ108: the update's period is blank, unreadable, or not over yet.</summary>
    public static QualityRule ActionPeriodUnreadable { get; } = new("DQ108", "Action period blank, unreadable or not ended", Severity.Error,
        "The period of an action update is blank, is not a form the pipeline reads, fits more than one period, or has not ended on the day the return is checked.");

    /// <summary>DQ109: a revised or completion date that is not a date, or a completion date still to come.</summary>
    public static QualityRule ActionDateUnreadable { get; } = new("DQ109", "Action date not a date", Severity.Error,
        "A Revised date or Completion date is not a date (type it as 31/03/2027), or the Completion date is after the day the return is checked.");

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<QualityRule> All { get; } =
    [
        RequiredColumnMissing, UnreadableReturn, NoRows, NotProcessed, NotUtf8,
        IndicatorBlank, UnknownIndicator, OutOfScope, NotActive,
        PeriodUnreadable, PeriodWrongFrequency, PeriodInFuture,
        RepeatedRow, ConflictingRows,
        NotANumber, ValueMissing, NilReturn, PercentOutOfRange, NegativeAmount, CountNotWhole, PercentForOtherUnit, PercentLooksLikeFraction, NumberTooLarge,
        RatioMismatch, ZeroDenominator, RatioIncomplete,
        RedWithoutCommentary, RedTwiceWithoutAction,
        StatusMissing, StatusUnrecognised, QualitativeWithoutCommentary,
        Outlier, LargeChangeFromPrevious, LargeChangeFromLastYear, CopiedForward, CopiedRow,
        CaseStudyWithoutStory, CaseStudyContactDetails, CaseStudyTooShort,
        RestatementWithoutReason, FinanceOtherService, FinanceCouncilUnclear, FinancePeriodUnreadable, FinanceAmountMissing,
        FinanceVarianceMismatch, FinanceVarianceUnexplained, FinanceConflictingRows, FinanceRestatementWithoutReason,
        ActionBlank, UnknownAction, ActionOutOfScope, ActionStatusUnrecognised, ActionPercentOutOfRange,
        RevisedDateWithoutReason, CompleteWithoutDate, AtRiskWithoutCommentary, ActionPeriodUnreadable, ActionDateUnreadable,
    ];

    /// <summary>The rule with <paramref name="id"/> (case-insensitive), or null.</summary>
    public static QualityRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
