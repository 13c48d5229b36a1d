using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Board.ReadModel;

namespace SeriousViolence.Board;

/// <summary>
/// <c>SeriousViolence.Web.dll rebuild-board</c>: empties the Board's read model and queues every module's
/// re-announcement in the outboxes. Any running instance's dispatcher publishes them and the Board's consumers rebuild
/// the picture; with no instance running, the next start does.
/// </summary>
public static class BoardCommands
{
    public static async Task<int> RebuildAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var announced = await scope.ServiceProvider.GetRequiredService<BoardRebuild>().RebuildAsync(Actor.System, cancellationToken);
        await output.WriteLineAsync($"Board read model emptied; re-announcement queued: {string.Join(", ", announced)}.");
        return 0;
    }
}
