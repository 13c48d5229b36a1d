namespace SeriousViolence.Tests.Support;

/// <summary>Settings ./build/test.sh exports after starting the local services.</summary>
public static class TestEnvironment
{
    public static string PostgresConnectionString => Required("SV_TEST_POSTGRES");

    public static string RabbitMqUser => Required("SV_TEST_RABBITMQ_USER");

    public static string RabbitMqPassword => Required("SV_TEST_RABBITMQ_PASSWORD");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with ./build/test.sh, which starts PostgreSQL and RabbitMQ and sets it.");
}
