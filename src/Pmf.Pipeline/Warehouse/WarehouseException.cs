namespace Pmf.Pipeline.Warehouse;

/// <summary>The warehouse could not be opened or upgraded; the message says which warehouse and which script, the cause is inside.</summary>
public sealed class WarehouseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One sentence naming the warehouse, and the script when one failed.</param>
    /// <param name="innerException">The database's own error.</param>
    public WarehouseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
