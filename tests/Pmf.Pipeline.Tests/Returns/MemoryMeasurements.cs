namespace Pmf.Pipeline.Tests.Returns;

/// <summary>Tests that measure the process's memory run alone, so other tests' allocations do not blur the measurement.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}
