using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Security.Users;

/// <summary>
/// Creates the first administrator on first start from Security:BootstrapAdministrator:{Email,Name,Password} (for
/// deployments that provision by environment variables). Without those settings, nothing happens: the operator runs
/// the create-admin command instead. There is no default account and no default password.
/// </summary>
internal sealed class BootstrapAdministrator(IConfiguration configuration, UserAdministration administration, ILogger<BootstrapAdministrator> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Security:BootstrapAdministrator");
        var email = section["Email"];
        var password = section["Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        var result = await administration.CreateFirstAdministratorAsync(email, section["Name"] ?? "Administrator", password, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Created the first administrator from Security:BootstrapAdministrator settings");
        }
        else
        {
            logger.LogInformation("Security:BootstrapAdministrator not used: {Reason}", string.Join(" ", result.Errors));
        }
    }
}
