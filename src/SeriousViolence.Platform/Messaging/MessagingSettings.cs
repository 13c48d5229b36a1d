namespace SeriousViolence.Platform.Messaging;

/// <summary>Configuration section <c>Messaging</c>.</summary>
public sealed class MessagingSettings
{
    public const string Section = "Messaging";

    /// <summary><c>InMemory</c> (the embedded default) or <c>RabbitMQ</c>.</summary>
    public string Transport { get; set; } = "InMemory";

    public RabbitMqSettings RabbitMq { get; set; } = new();

    public bool UsesRabbitMq => string.Equals(Transport, "RabbitMQ", StringComparison.OrdinalIgnoreCase);
}

public sealed class RabbitMqSettings
{
    public string Host { get; set; } = "127.0.0.1";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    public override string ToString() => $"amqp://{Username}@{Host}:{Port}{(VirtualHost.StartsWith('/') ? "" : "/")}{VirtualHost}";
}
