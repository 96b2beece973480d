using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>A period stated above the header (<c>Period: 2025/26 Q1</c>, or <c>Period:</c> with the value in the next cell).</summary>
/// <param name="Row">The row it was stated in.</param>
/// <param name="Value">The period as written: the text after the colon, or the next cell untouched (it may be an Excel date).</param>
public sealed record ReturnStatedPeriod(int Row, WorkbookCell Value);
