namespace Pmf.Pipeline.Sources;

/// <summary>
/// One record a source gave, with the mapped fields it has. A mapped field it lacks is absent from
/// <see cref="Fields"/> (schema drift); one it has but is null is present with a null value.
/// </summary>
/// <param name="Number">The record's position in the pull, from 1.</param>
/// <param name="Location">Where it came from, for messages: the window and page.</param>
/// <param name="Fields">The mapped fields found: a string (text, or a number exactly as sent), a <see cref="DateTime"/>, or null.</param>
/// <param name="Available">Every field name the record has, to say what a renamed field might now be called.</param>
/// <param name="WindowPeriod">The period key asked for, when the request was for one period.</param>
public sealed record SourceRecord(
    int Number,
    string Location,
    IReadOnlyDictionary<string, object?> Fields,
    IReadOnlyList<string> Available,
    string? WindowPeriod);
