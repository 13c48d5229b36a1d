using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Security.Users;

/// <summary>Says at start-up, in one line, how to create the first administrator when there is none.</summary>
internal sealed class NoAdministratorNotice(SecurityDbContext db, ILogger<NoAdministratorNotice> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await db.Grants.AnyAsync(g => g.Role == Role.Administrator, cancellationToken))
        {
            logger.LogWarning("No administrator exists yet, so nobody can sign in. Create one: ./build/run.sh create-admin you@example.org \"Your Name\" (see README)");
        }
    }
}
