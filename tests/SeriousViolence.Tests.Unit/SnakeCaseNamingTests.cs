using SeriousViolence.Plugins;
using SeriousViolence.Platform.Persistence;
using Xunit;

namespace SeriousViolence.Tests.Unit;

public sealed class SnakeCaseNamingTests
{
    [Theory]
    [InlineData("LastMessageAt", "last_message_at")]
    [InlineData("StrandId", "strand_id")]
    [InlineData("Id", "id")]
    [InlineData("RAGStatus", "rag_status")]
    [InlineData("already_snake", "already_snake")]
    public void EF_names_map_onto_the_migrations_snake_case_names(string name, string expected) =>
        Assert.Equal(expected, SnakeCaseNaming.ToSnakeCase(name));
}
