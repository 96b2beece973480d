namespace Pmf.Pipeline.Samples;

/// <summary>
/// One row of a sample return, as a person would type it. Cells are objects so a sample can hold
/// exactly the mistakes people make (text in a value cell, a blank where a number belongs).
/// </summary>
public sealed record SampleReturnLine(
    string Indicator,
    string? Period,
    object? Value,
    object? Numerator = null,
    object? Denominator = null,
    string? Status = null,
    string? Commentary = null,
    string? RemedialAction = null);
