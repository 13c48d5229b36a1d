using System.Diagnostics;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The operator's commands, run as the README says: the first administrator, an API token, verifying the audit trail.</summary>
public sealed class SecurityCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.WebDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__SeriousViolence"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("SV_ADMIN_PASSWORD");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    [Fact]
    public async Task The_first_administrator_is_created_once_a_token_is_printed_once_and_the_audit_trail_verifies()
    {
        await using var db = await TestDatabase.CreateAsync();
        var password = new Dictionary<string, string> { ["SV_ADMIN_PASSWORD"] = "plenty long enough passphrase" };

        var weak = await RunAsync(db.ConnectionString, new Dictionary<string, string> { ["SV_ADMIN_PASSWORD"] = "short" }, "create-admin", "chief@met.example", "Chief Administrator");
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("at least 12 characters", weak.Output, StringComparison.Ordinal);

        var created = await RunAsync(db.ConnectionString, password, "create-admin", "chief@met.example", "Chief Administrator");
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Contains("Administrator chief@met.example created", created.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("plenty long enough passphrase", created.Output, StringComparison.Ordinal);

        var again = await RunAsync(db.ConnectionString, password, "create-admin", "second@met.example", "Second");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("An administrator already exists", again.Output, StringComparison.Ordinal);

        var token = await RunAsync(db.ConnectionString, null, "create-token", "chief@met.example", "Spreadsheet", "--strands", "sapphire", "--days", "30");
        Assert.True(token.ExitCode == 0, token.Output);
        var secret = token.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("sv_", StringComparison.Ordinal));
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM security.api_tokens WHERE hash = '{secret}'"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM security.api_tokens WHERE strands = '{sapphire}' AND expires_at > now() + interval '29 days'"));

        var intact = await RunAsync(db.ConnectionString, null, "verify-audit");
        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("Audit trail intact", intact.Output, StringComparison.Ordinal);

        await using (var connection = new Npgsql.NpgsqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new Npgsql.NpgsqlCommand(
                "ALTER TABLE platform.audit_records DISABLE TRIGGER audit_records_no_update; UPDATE platform.audit_records SET summary = 'nothing to see' WHERE seq = 5; ALTER TABLE platform.audit_records ENABLE TRIGGER audit_records_no_update;", connection);
            await tamper.ExecuteNonQueryAsync();
        }

        var broken = await RunAsync(db.ConnectionString, null, "verify-audit");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("Audit trail BROKEN at record 5", broken.Output, StringComparison.Ordinal);
    }
}
