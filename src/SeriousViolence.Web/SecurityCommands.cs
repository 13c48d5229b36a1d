using SeriousViolence.Platform.Audit;
using SeriousViolence.Security.Users;

namespace SeriousViolence.Web;

/// <summary>
/// Operator commands run at the machine (they need the database settings, which is the operator's authority):
///   create-admin EMAIL "NAME"          the first administrator; the password is read from SV_ADMIN_PASSWORD or typed
///   create-token EMAIL NAME [--strands a,b] [--measures x,y] [--days N]   an API token, printed once
///   verify-audit                        checks the audit trail's hash chain; names the first broken record
/// </summary>
internal static class SecurityCommands
{
    public static bool Handles(string command) => command is "create-admin" or "create-token" or "verify-audit";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        return args[0] switch
        {
            "create-admin" => await CreateAdminAsync(scope.ServiceProvider, args[1..]),
            "create-token" => await CreateTokenAsync(scope.ServiceProvider, args[1..]),
            _ => await VerifyAuditAsync(scope.ServiceProvider),
        };
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 1)
        {
            await Console.Error.WriteLineAsync("usage: create-admin EMAIL [\"DISPLAY NAME\"]   (password from SV_ADMIN_PASSWORD, or typed)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("SV_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            if (Console.IsInputRedirected)
            {
                password = await Console.In.ReadLineAsync();
            }
            else
            {
                await Console.Out.WriteAsync("Password for the first administrator (12+ characters; not shown): ");
                password = ReadHidden();
            }
        }

        var result = await services.GetRequiredService<UserAdministration>().CreateFirstAdministratorAsync(args[0], args.Length > 1 ? args[1] : "Administrator", password ?? "", CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("create-admin refused: " + string.Join(" ", result.Errors));
            return 1;
        }

        await Console.Out.WriteLineAsync($"Administrator {args[0]} created. Sign in at /account/login and invite everyone else from Users.");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("usage: create-token EMAIL NAME [--strands a,b] [--measures x,y] [--days N]");
            return 2;
        }

        string Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? "";
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
        var user = await users.FindByEmailAsync(args[0]);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"create-token refused: no user {args[0]}.");
            return 1;
        }

        var days = int.TryParse(Option("--days"), out var d) ? d : 90;
        var result = await services.GetRequiredService<UserAdministration>().IssueTokenAsync(
            SeriousViolence.Abstractions.Actor.System, user.Id, args[1], Split(Option("--strands")), Split(Option("--measures")), days, CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("create-token refused: " + string.Join(" ", result.Errors));
            return 1;
        }

        // The only time the secret exists outside the caller's hands; only its hash is stored.
        await Console.Out.WriteLineAsync(result.Secret);
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services)
    {
        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
        if (result.Intact)
        {
            await Console.Out.WriteLineAsync($"Audit trail intact: {result.Records} records; head hash {result.HeadHash}.");
            return 0;
        }

        await Console.Out.WriteLineAsync($"Audit trail BROKEN at record {result.FirstBrokenSeq}: {result.Problem}.");
        return 1;
    }

    private static List<string> Split(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string ReadHidden()
    {
        var chars = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return chars.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && chars.Length > 0)
            {
                chars.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Append(key.KeyChar);
            }
        }
    }
}
