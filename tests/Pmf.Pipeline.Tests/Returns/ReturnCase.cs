namespace Pmf.Pipeline.Tests.Returns;

/// <summary>
/// One bad or awkward return in the corpus: how it is made, and the verdict it must get. A rejection must
/// carry <paramref name="Fragment"/> in its message; a read must yield <paramref name="Rows"/> rows and pass
/// <paramref name="Check"/>.
/// </summary>
internal sealed record ReturnCase(string File, Func<byte[]> Build, ReturnOutcome Outcome, string Fragment, long? Rows = null, Action<ReturnVerdict>? Check = null, bool MidStream = false)
{
    public static ReturnCase Rejected(string file, Func<byte[]> build, ReturnOutcome outcome, string fragment, bool midStream = false) =>
        new(file, build, outcome, fragment, MidStream: midStream);

    public static ReturnCase Read(string file, Func<byte[]> build, long rows, Action<ReturnVerdict>? check = null) =>
        new(file, build, ReturnOutcome.Read, string.Empty, rows, check);
}
