namespace SeriousViolence.Platform.Startup;

/// <summary>
/// A fault the operator can fix (a missing setting, an unreachable service, an unknown strand). The host prints the
/// message as one line and exits non-zero instead of showing a stack trace.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupException()
    {
    }
}
