namespace Pmf.Pipeline.Catalogue;

/// <summary>Each council's priorities and strategic objectives, for resolving the Indicators sheet's references.</summary>
internal sealed class PriorityBook
{
    private readonly Dictionary<string, CodeBook> _priorities = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CodeBook> _objectives = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Council, string Objective), string> _priorityOfObjective = new(CouncilAndCode.Comparer);

    public static PriorityBook Unavailable { get; } = new() { IsAvailable = false };

    public bool IsAvailable { get; private init; } = true;

    public CodeBook Priorities(string council) => _priorities.TryGetValue(council, out var book) ? book : _priorities[council] = new CodeBook();

    public CodeBook Objectives(string council) => _objectives.TryGetValue(council, out var book) ? book : _objectives[council] = new CodeBook();

    public void AddObjective(string council, string objective, string priority) => _priorityOfObjective[(council, objective)] = priority;

    /// <summary>The priority an objective code belongs to within a council.</summary>
    public string PriorityOf(string council, string objective) => _priorityOfObjective[(council, objective)];

    private static class CouncilAndCode
    {
        public static IEqualityComparer<(string, string)> Comparer { get; } = EqualityComparer<(string, string)>.Create(
            (a, b) => string.Equals(a.Item1, b.Item1, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Item2, b.Item2, StringComparison.OrdinalIgnoreCase),
            pair => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(pair.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(pair.Item2)));
    }
}
