namespace Pmf.Pipeline.Quality;

/// <summary>What a cell turned out to hold when read as a number.</summary>
public enum NumberReadingKind
{
    /// <summary>Nothing: empty, or only spaces.</summary>
    Blank,

    /// <summary>A number.</summary>
    Number,

    /// <summary>Text that is not a number.</summary>
    NotANumber,

    /// <summary>Text starting with <c>=</c> or <c>@</c>: a formula's text, which is data and never evaluated.</summary>
    FormulaText,

    /// <summary>A date: Excel may have turned what was typed (e.g. <c>1/2</c>) into one.</summary>
    Date,

    /// <summary>An Excel error value such as <c>#DIV/0!</c> or <c>#N/A</c>: the formula behind the cell failed.</summary>
    ExcelError,
}
