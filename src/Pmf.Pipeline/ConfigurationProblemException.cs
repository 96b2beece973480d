namespace Pmf.Pipeline;

/// <summary>A setting is missing or wrong. The message is one sentence saying which and what to do.</summary>
public sealed class ConfigurationProblemException : Exception
{
    /// <summary>Creates the exception with a message for the operator.</summary>
    public ConfigurationProblemException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the operator and the underlying cause.</summary>
    public ConfigurationProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with no message (serialisation and frameworks only).</summary>
    public ConfigurationProblemException()
    {
    }
}
