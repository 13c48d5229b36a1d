using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Persistence;

namespace SeriousViolence.Security.Users;

/// <summary>
/// Schema <c>security</c>: ASP.NET Core Identity's user store (no Identity roles: our roles carry strand scopes, so they
/// are <see cref="UserGrant"/> rows), and API tokens. Tables are created by Migrations/*.sql, not by EF.
/// </summary>
public sealed class SecurityDbContext(DbContextOptions<SecurityDbContext> options) : IdentityUserContext<User>(options)
{
    public const string Schema = "security";

    public DbSet<UserGrant> Grants => Set<UserGrant>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.PartnerId).HasMaxLength(200);
        });
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<UserGrant>(e =>
        {
            e.ToTable("grants");
            e.HasKey(g => g.Id);
            e.Property(g => g.Role).HasConversion<string>();
            e.HasIndex(g => new { g.UserId, g.Role, g.StrandId }).IsUnique().AreNullsDistinct(false);
            e.HasOne<User>().WithMany(u => u.Grants).HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.ApplySnakeCaseNames();
    }
}

/// <summary>A person who signs in. Personal data is limited to name and work e-mail.</summary>
public sealed class User : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For partner users: the partner (as the strategy names it) whose shared items they may read.</summary>
    public string? PartnerId { get; set; }

    /// <summary>Set when an administrator disables the account: it can no longer sign in or use its tokens.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public List<UserGrant> Grants { get; set; } = [];

    /// <summary>The user as an actor: no grants once disabled.</summary>
    public Actor ToActor() => new(Id, DisplayName, DisabledAt is null ? Grants.Select(g => new RoleGrant(g.Role, g.StrandId)) : [], PartnerId);

    /// <summary>
    /// The user acting through an API token: never as administrator or auditor; strand roles only for the token's
    /// strands if it names any; measure values only for the token's measures if it names any.
    /// </summary>
    public Actor ToActor(ApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var grants = DisabledAt is not null ? [] : Grants
            .Where(g => g.Role is not (Role.Administrator or Role.Auditor))
            .Where(g => g.StrandId is null || token.Strands.Count == 0 || token.Strands.Contains(g.StrandId))
            .Select(g => new RoleGrant(g.Role, g.StrandId));
        return new Actor(Id, $"{DisplayName} (API token {token.Name})", grants, PartnerId,
            measureScope: token.Measures.Count == 0 ? null : token.Measures.ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>One role held by a user, for one strand where the role is strand-scoped.</summary>
public sealed class UserGrant
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public Role Role { get; set; }

    public string? StrandId { get; set; }
}

/// <summary>
/// A machine client's credential: issued to a user by an administrator, limited to strands and/or measures, expiring,
/// revocable. Only the SHA-256 of the secret is stored; the secret is shown once when issued.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string Hash { get; set; }

    /// <summary>The first characters of the token, so that people can tell tokens apart without the secret.</summary>
    public required string Prefix { get; set; }

    public List<string> Strands { get; set; } = [];

    public List<string> Measures { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
