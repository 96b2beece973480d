namespace Pmf.Pipeline.Returns;

/// <summary>Why a return as a whole cannot be read. Every kind means the file is rejected; none is a crash.</summary>
public enum ReturnProblemKind
{
    /// <summary>The file is not a readable workbook or CSV (empty, encrypted, damaged, too large, semicolon separated…); see <see cref="ReturnProblem.Failure"/>.</summary>
    Unreadable,

    /// <summary>No visible sheet has a header row naming the return's columns within its first 20 rows.</summary>
    NoHeader,

    /// <summary>The header lacks a required column: Indicator; Period (unless stated above the header); Value or Status.</summary>
    MissingColumns,

    /// <summary>Two header cells name the same column, so which one holds the data cannot be told.</summary>
    DuplicateColumns,

    /// <summary>Different periods are stated above the header and there is no Period column to settle it.</summary>
    ConflictingStatedPeriods,

    /// <summary>The header is there but no row below it holds anything under its columns.</summary>
    NoDataRows,
}
