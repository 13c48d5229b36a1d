using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Platform.Strands;
using SeriousViolence.Security.Tokens;

namespace SeriousViolence.Security.Users;

/// <summary>What an administrator asks for when inviting a user or changing their roles.</summary>
public sealed class UserForm
{
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? PartnerId { get; set; }

    public List<RoleGrant> Grants { get; set; } = [];
}

/// <summary>The outcome of a command that may be refused for the user's own mistakes (the messages say what to fix).</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyList<string> Errors, string? Secret = null, string? UserId = null)
{
    public static AdminResult Ok(string? secret = null, string? userId = null) => new(true, [], secret, userId);

    public static AdminResult Invalid(params string[] errors) => new(false, errors);
}

/// <summary>
/// Inviting users, assigning roles and strand scopes, disabling accounts, API tokens. Every command checks
/// <see cref="Capability.ManageUsers"/> and records a permission (or token) event in the audit trail with the state
/// before and after.
/// </summary>
public sealed class UserAdministration(UserManager<User> users, SecurityDbContext db, StrandCatalog catalog, AuditTrail audit, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<User>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ManageUsers);
        return await db.Users.AsNoTracking().Include(u => u.Grants).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ApiToken>> TokensAsync(Actor actor, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ManageUsers);
        return await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Creates the account with no password and returns a one-time invitation code for /account/invitation.</summary>
    public async Task<AdminResult> InviteAsync(Actor actor, UserForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        AccessPolicy.Ensure(actor, Capability.ManageUsers);
        var errors = Validate(form);
        if (await users.FindByEmailAsync(form.Email.Trim()) is not null)
        {
            errors.Add("A user with this e-mail address already exists.");
        }

        if (errors.Count > 0)
        {
            return AdminResult.Invalid([.. errors]);
        }

        var user = NewUser(form, actor.DisplayName);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return AdminResult.Invalid([.. created.Errors.Select(e => e.Description)]);
        }

        var code = await users.GeneratePasswordResetTokenAsync(user);
        await audit.RecordAsync(actor, new AuditEvent(AuditKinds.Permission, $"invited {user.DisplayName} as {Describe(form.Grants)}", "security.users", user.Id, After: Snapshot(user)), cancellationToken);
        return AdminResult.Ok(code, user.Id);
    }

    public async Task<AdminResult> UpdateAsync(Actor actor, string userId, UserForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        AccessPolicy.Ensure(actor, Capability.ManageUsers);
        var user = await LoadAsync(userId, cancellationToken);
        var errors = Validate(form, editing: true);
        if (userId == actor.Id && user.Grants.Any(g => g.Role == Role.Administrator) && !form.Grants.Any(g => g.Role == Role.Administrator))
        {
            errors.Add("You cannot remove your own administrator role; ask another administrator.");
        }

        if (errors.Count > 0)
        {
            return AdminResult.Invalid([.. errors]);
        }

        var before = Snapshot(user);
        user.DisplayName = form.DisplayName.Trim();
        user.PartnerId = string.IsNullOrWhiteSpace(form.PartnerId) ? null : form.PartnerId.Trim();
        db.Grants.RemoveRange(user.Grants);
        user.Grants = [.. form.Grants.Distinct().Select(g => new UserGrant { Id = Guid.CreateVersion7(), UserId = user.Id, Role = g.Role, StrandId = g.StrandId })];
        db.Grants.AddRange(user.Grants);
        await db.SaveChangesAsync(cancellationToken);
        // A new stamp ends the person's sessions (open pages within a minute): nobody keeps acting on roles they lost.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, new AuditEvent(AuditKinds.Permission, $"changed the roles of {user.DisplayName} to {Describe(form.Grants)}", "security.users", user.Id, Before: before, After: Snapshot(user)), cancellationToken);
        return AdminResult.Ok(userId: user.Id);
    }

    /// <summary>Disabling also ends every session (new security stamp); the account's API tokens stop working with it.</summary>
    public async Task SetDisabledAsync(Actor actor, string userId, bool disabled, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ManageUsers);
        if (userId == actor.Id && disabled)
        {
            throw new InvalidOperationException("You cannot disable your own account.");
        }

        var user = await LoadAsync(userId, cancellationToken);
        var before = Snapshot(user);
        user.DisabledAt = disabled ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, new AuditEvent(AuditKinds.Permission, $"{(disabled ? "disabled" : "re-enabled")} the account of {user.DisplayName}", "security.users", user.Id, Before: before, After: Snapshot(user)), cancellationToken);
    }

    /// <summary>Ends every session of the user at once (their own choice, or an administrator's).</summary>
    public async Task SignOutEverywhereAsync(Actor actor, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Id != userId)
        {
            AccessPolicy.Ensure(actor, Capability.ManageUsers);
        }

        var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException($"No user {userId}.");
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, new AuditEvent(AuditKinds.SignOut, $"signed {user.DisplayName} out everywhere", "security.users", user.Id), cancellationToken);
    }

    /// <summary>A new invitation code (the earlier ones stop working once a password is set).</summary>
    public async Task<AdminResult> ReinviteAsync(Actor actor, string userId, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ManageUsers);
        var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException($"No user {userId}.");
        var code = await users.GeneratePasswordResetTokenAsync(user);
        await audit.RecordAsync(actor, new AuditEvent(AuditKinds.Permission, $"issued a new invitation to {user.DisplayName}", "security.users", user.Id), cancellationToken);
        return AdminResult.Ok(code, user.Id);
    }

    /// <summary>Issues an API token to a user; the secret is returned once and only its hash is kept.</summary>
    public async Task<AdminResult> IssueTokenAsync(Actor actor, string userId, string name, IReadOnlyCollection<string> strands, IReadOnlyCollection<string> measures, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strands);
        ArgumentNullException.ThrowIfNull(measures);
        AccessPolicy.Ensure(actor, Capability.ManageUsers);
        var user = await LoadAsync(userId, cancellationToken);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("Name the token after the system that will use it.");
        }

        if (days is < 1 or > 365)
        {
            errors.Add("A token lasts between 1 and 365 days.");
        }

        errors.AddRange(strands.Where(s => catalog.Find(s) is null).Select(s => $"'{s}' is not a strand of this deployment."));
        if (user.DisabledAt is not null)
        {
            errors.Add("The account is disabled.");
        }

        if (errors.Count > 0)
        {
            return AdminResult.Invalid([.. errors]);
        }

        var secret = ApiTokenAuthentication.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now), UserId = user.Id, Name = name.Trim(), Hash = ApiTokenAuthentication.HashOf(secret), Prefix = secret[..7],
            Strands = [.. strands.Distinct()], Measures = [.. measures.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct()],
            CreatedAt = now, CreatedBy = actor.DisplayName, ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, new AuditEvent(AuditKinds.Token, $"issued API token '{token.Name}' ({token.Prefix}...) to {user.DisplayName}, expires {token.ExpiresAt:yyyy-MM-dd}", "security.api_tokens", token.Id.ToString(),
            After: new { token.Name, token.Prefix, token.Strands, token.Measures, token.ExpiresAt }), cancellationToken);
        return AdminResult.Ok(secret, user.Id);
    }

    public async Task RevokeTokenAsync(Actor actor, Guid tokenId, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ManageUsers);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken) ?? throw new KeyNotFoundException($"No API token {tokenId}.");
        if (token.RevokedAt is not null)
        {
            return;
        }

        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, new AuditEvent(AuditKinds.Token, $"revoked API token '{token.Name}' ({token.Prefix}...)", "security.api_tokens", token.Id.ToString()), cancellationToken);
    }

    /// <summary>
    /// The first administrator (from the create-admin command or bootstrap settings). Refused once any enabled
    /// administrator exists: after that, administrators are invited by administrators.
    /// </summary>
    public async Task<AdminResult> CreateFirstAdministratorAsync(string email, string displayName, string password, CancellationToken cancellationToken)
    {
        if (await db.Grants.AnyAsync(g => g.Role == Role.Administrator && db.Users.Any(u => u.Id == g.UserId && u.DisabledAt == null), cancellationToken))
        {
            return AdminResult.Invalid("An administrator already exists; sign in as them and invite further users from the Users page.");
        }

        var form = new UserForm { Email = email, DisplayName = displayName, Grants = [new RoleGrant(Role.Administrator)] };
        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return AdminResult.Invalid([.. errors]);
        }

        var user = NewUser(form, "create-admin");
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AdminResult.Invalid([.. created.Errors.Select(e => e.Description)]);
        }

        await audit.RecordAsync(Actor.System, new AuditEvent(AuditKinds.Permission, $"created the first administrator, {user.DisplayName}", "security.users", user.Id, After: Snapshot(user)), cancellationToken);
        return AdminResult.Ok(userId: user.Id);
    }

    private User NewUser(UserForm form, string createdBy)
    {
        var now = clock.GetUtcNow();
        var user = new User
        {
            UserName = form.Email.Trim(), Email = form.Email.Trim(), EmailConfirmed = true, DisplayName = form.DisplayName.Trim(),
            PartnerId = string.IsNullOrWhiteSpace(form.PartnerId) ? null : form.PartnerId.Trim(), CreatedAt = now, CreatedBy = createdBy, LockoutEnabled = true,
        };
        user.Grants = [.. form.Grants.Distinct().Select(g => new UserGrant { Id = Guid.CreateVersion7(now), UserId = user.Id, Role = g.Role, StrandId = g.StrandId })];
        return user;
    }

    private List<string> Validate(UserForm form, bool editing = false)
    {
        var errors = new List<string>();
        if (!editing && (string.IsNullOrWhiteSpace(form.Email) || !form.Email.Contains('@', StringComparison.Ordinal)))
        {
            errors.Add("Give a work e-mail address.");
        }

        if (string.IsNullOrWhiteSpace(form.DisplayName))
        {
            errors.Add("Give the person's name as colleagues know it.");
        }

        if (form.Grants.Count == 0)
        {
            errors.Add("Give at least one role.");
        }

        foreach (var grant in form.Grants)
        {
            if (RoleGrant.IsStrandScoped(grant.Role) && (grant.StrandId is null || catalog.Find(grant.StrandId) is null))
            {
                errors.Add($"{Roles.Label(grant.Role)} needs a strand of this deployment.");
            }
            else if (!RoleGrant.IsStrandScoped(grant.Role) && grant.StrandId is not null)
            {
                errors.Add($"{Roles.Label(grant.Role)} is not held for a strand.");
            }
        }

        if (form.Grants.Any(g => g.Role == Role.Partner))
        {
            if (string.IsNullOrWhiteSpace(form.PartnerId))
            {
                errors.Add("A partner user needs the partner whose shared items they may read.");
            }

            if (form.Grants.Any(g => g.Role != Role.Partner))
            {
                errors.Add("A partner user holds no other role: partners are outside the force.");
            }
        }

        return errors;
    }

    private async Task<User> LoadAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Include(u => u.Grants).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new KeyNotFoundException($"No user {userId}.");

    private static object Snapshot(User user) => new
    {
        user.DisplayName,
        user.PartnerId,
        Disabled = user.DisabledAt is not null,
        Grants = user.Grants.Select(g => new RoleGrant(g.Role, g.StrandId).ToString()).Order(StringComparer.Ordinal).ToList(),
    };

    private static string Describe(IEnumerable<RoleGrant> grants) => string.Join(", ", grants.Select(Roles.Describe));
}
