using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Quality;

/// <summary>One row while the rules work on it: what has been worked out so far, and the issues raised.</summary>
internal sealed class RowDraft(ReturnRow row)
{
    private List<QualityIssue>? _issues;
    private NumberReading? _valueNumber, _numeratorNumber, _denominatorNumber;

    public ReturnRow Row { get; } = row;

    /// <summary>The issues raised so far; most rows have none, so the list is made on the first.</summary>
    public IReadOnlyList<QualityIssue> Issues => _issues is null ? [] : _issues;

    public bool HasError { get; private set; }

    /// <summary>The indicator code as the catalogue spells it, once known.</summary>
    public string? Code { get; set; }

    /// <summary>The definition governing the row: the latest until the period is known, then the one in force for it.</summary>
    public Indicator? Definition { get; set; }

    public Period? Period { get; set; }

    public decimal? Value { get; set; }

    /// <summary>The value as read, before anything was worked out (carries the decimal places typed).</summary>
    public NumberReading ValueReading { get; set; }

    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }

    public bool IsValueComputed { get; set; }

    public bool IsNilReturn { get; set; }

    public string? Status { get; set; }

    public Target? Target { get; set; }

    public RagStatus Rag { get; set; } = RagStatus.DataOnly;

    public string? Commentary { get; } = CellText.Meaningful(row.Commentary);

    public string? RemedialAction { get; } = CellText.Meaningful(row.RemedialAction);

    /// <summary>The case study's title when the row carries one the gate accepted (see CaseStudyCheck).</summary>
    public string? CaseStudyTitle { get; set; }

    /// <summary>The indicator and period, for messages: <c>HOU-01 in 2025/26 Q1</c>.</summary>
    public string Subject => Period is null ? Code ?? "this row" : $"{Code} in {Period.Key}";

    /// <summary>The Value cell read as a number, once: the duplicate fingerprint and the quantity rules both need it.</summary>
    public NumberReading ValueNumber => _valueNumber ??= NumberNormaliser.Read(Row.Value);

    /// <summary>The Numerator cell read as a number, once.</summary>
    public NumberReading NumeratorNumber => _numeratorNumber ??= NumberNormaliser.Read(Row.Numerator);

    /// <summary>The Denominator cell read as a number, once.</summary>
    public NumberReading DenominatorNumber => _denominatorNumber ??= NumberNormaliser.Read(Row.Denominator);

    public void Raise(QualityRule rule, string column, WorkbookCell cell, string message)
    {
        (_issues ??= []).Add(rule.On(Row, column, cell, message, Code, Period?.Key));
        HasError |= rule.Severity == Severity.Error;
    }
}
