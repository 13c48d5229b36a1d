using Microsoft.AspNetCore.Identity;

namespace SeriousViolence.Security.Users;

/// <summary>
/// NCSC guidance rather than composition rules: long (12+), not a well-known password, not the person's own name or
/// e-mail. Identity's own options supply the length and lockout.
/// </summary>
internal sealed class PasswordRules : IPasswordValidator<User>
{
    private static readonly HashSet<string> WellKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "passwordpassword", "123456789012", "qwertyuiopas", "letmeinletmein", "metropolitan", "metpolice123",
        "changemechangeme", "welcome12345", "iloveyou1234", "administrator", "seriousviolence",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        if (password is not null)
        {
            if (WellKnown.Contains(password))
            {
                errors.Add(new IdentityError { Code = "WellKnown", Description = "This password is too well known; choose three random words." });
            }

            var local = user.Email?.Split('@')[0];
            if ((local is { Length: >= 4 } && password.Contains(local, StringComparison.OrdinalIgnoreCase))
                || (user.DisplayName.Length >= 4 && password.Contains(user.DisplayName, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new IdentityError { Code = "ContainsName", Description = "The password must not contain your name or e-mail address." });
            }
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
