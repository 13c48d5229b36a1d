using SeriousViolence.Abstractions;

namespace SeriousViolence.Tests.Support;

/// <summary>A user created for a test, with the password it signs in with and the actor it acts as.</summary>
public sealed record TestUser(string Id, string Email, string DisplayName, string Password, Actor Actor);
