using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>How reading a return ended: rows read, or rejected (up front or part-way down) with a problem.</summary>
internal enum ReturnOutcome
{
    Read,
    Unreadable,
    NoHeader,
    MissingColumns,
    DuplicateColumns,
    ConflictingStatedPeriods,
    NoDataRows,
}

/// <param name="Outcome">What happened.</param>
/// <param name="RowCount">Rows yielded (for a failure part-way down: before it).</param>
/// <param name="FirstRows">The first few rows, to look at (never more than <see cref="ReturnVerdicts.KeptRows"/>).</param>
/// <param name="Layout">The layout, when the header was found.</param>
/// <param name="Problem">The problem, when rejected.</param>
/// <param name="MidStream">True when the problem surfaced while the rows were being read, not on opening.</param>
internal sealed record ReturnVerdict(ReturnOutcome Outcome, long RowCount, IReadOnlyList<ReturnRow> FirstRows, ReturnLayout? Layout, ReturnProblem? Problem, bool MidStream)
{
    public override string ToString() => Problem is null ? $"{Outcome} ({RowCount} rows)" : $"{Outcome}{(MidStream ? " (mid-stream)" : string.Empty)}: {Problem.Message}";
}

internal static class ReturnVerdicts
{
    public const int KeptRows = 20;

    public static readonly TimeSpan PerFileTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Reads the file the way the job does, on another thread, giving up after <see cref="PerFileTimeout"/>.</summary>
    public static Task<ReturnVerdict> JudgeAsync(byte[] bytes, string fileName) =>
        Task.Run(() => Judge(new MemoryStream(bytes), fileName)).WaitAsync(PerFileTimeout);

    public static Task<ReturnVerdict> JudgeFileAsync(string path) =>
        Task.Run(() =>
        {
            using var stream = File.OpenRead(path);
            return Judge(stream, Path.GetFileName(path));
        }).WaitAsync(PerFileTimeout);

    public static ReturnVerdict Judge(Stream stream, string fileName)
    {
        using var result = ReturnReader.Read(stream, fileName);
        if (result.IsRejected)
        {
            return new ReturnVerdict(Outcome(result.Problem), 0, [], result.Layout, result.Problem, false);
        }

        var kept = new List<ReturnRow>();
        long count = 0;
        try
        {
            foreach (var row in result.Rows)
            {
                count++;
                if (kept.Count < KeptRows)
                {
                    kept.Add(row);
                }
            }
        }
        catch (ReturnReadException ex)
        {
            return new ReturnVerdict(Outcome(ex.Problem), count, kept, result.Layout, ex.Problem, true);
        }

        return new ReturnVerdict(ReturnOutcome.Read, count, kept, result.Layout, null, false);
    }

    private static ReturnOutcome Outcome(ReturnProblem problem) => Enum.Parse<ReturnOutcome>(problem.Kind.ToString());
}
