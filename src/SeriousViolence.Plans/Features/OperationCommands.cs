using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans.Model;
using SeriousViolence.Platform.Messaging;

namespace SeriousViolence.Plans.Features;

/// <summary>The editable facts of an operation or programme in the register.</summary>
public sealed class OperationForm
{
    public string Name { get; set; } = "";

    public string Kind { get; set; } = "operation";

    public string Description { get; set; } = "";

    public List<string> Strands { get; set; } = [];

    /// <summary>Comma-separated, as typed.</summary>
    public string Boroughs { get; set; } = "";

    public string Wards { get; set; } = "";

    public string Partners { get; set; } = "";

    public string? StartDate { get; set; }

    public string? EndDate { get; set; }

    internal static readonly string[] Kinds = ["operation", "programme", "partnership", "board", "guidance", "unit", "strategy", "initiative", "tool", "external"];

    public static OperationForm From(Operation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OperationForm
        {
            Name = o.Name, Kind = o.Kind, Description = o.Description, Strands = [.. o.Strands], Boroughs = string.Join(", ", o.Boroughs),
            Wards = string.Join(", ", o.Wards), Partners = string.Join(", ", o.Partners), StartDate = o.StartDate, EndDate = o.EndDate,
        };
    }

    internal Validation Validate(IReadOnlyCollection<string> knownStrands)
    {
        var v = new Validation();
        if (string.IsNullOrWhiteSpace(Name))
        {
            v.Add(nameof(Name), "Give the operation's name.");
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            v.Add(nameof(Description), "Describe the operation in a sentence or more.");
        }

        foreach (var strand in Strands.Where(s => !knownStrands.Contains(s)))
        {
            v.Add(nameof(Strands), $"'{strand}' is not a strand of this deployment.");
        }

        return v;
    }
}

/// <summary>
/// Edits to the operations register. Operations span strands, so only someone who may act for every strand (the
/// Board, or the local operator until sign-in exists) may change them.
/// </summary>
public sealed class OperationCommands(PlansDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<Operation>> UpdateAsync(Actor actor, string code, long expectedRevision, OperationForm form, IReadOnlyCollection<string> knownStrands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        var operation = await db.Operations.SingleOrDefaultAsync(o => o.Code == code, cancellationToken) ?? throw new KeyNotFoundException($"No operation '{code}'.");
        EnsureMayChange(actor, operation.Strands, form.Strands);
        db.ActingAs = actor;
        if (operation.Revision != expectedRevision)
        {
            return CommandResult.Conflicted<Operation>(new EditConflict(expectedRevision, operation.Revision, operation.UpdatedBy, operation.UpdatedAt, [], "operation"));
        }

        var validation = form.Validate(knownStrands);
        if (validation.Failed)
        {
            return CommandResult.Invalid<Operation>(validation.Errors);
        }

        operation.Name = form.Name.Trim();
        operation.Kind = form.Kind;
        operation.Description = form.Description.Trim();
        operation.Strands = [.. form.Strands.Distinct(StringComparer.Ordinal)];
        operation.Boroughs = Split(form.Boroughs);
        operation.Wards = Split(form.Wards);
        operation.Partners = Split(form.Partners);
        operation.StartDate = string.IsNullOrWhiteSpace(form.StartDate) ? null : form.StartDate.Trim();
        operation.EndDate = string.IsNullOrWhiteSpace(form.EndDate) ? null : form.EndDate.Trim();
        operation.Revision = expectedRevision + 1;
        operation.UpdatedAt = clock.GetUtcNow();
        operation.UpdatedBy = actor.DisplayName;
        try
        {
            // The Board hears of the register through the strategy's announcement, committed with the change.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.Enqueue(await PlansAnnouncer.StrategyAsync(db, operation.UpdatedAt, cancellationToken), operation.UpdatedAt);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Operations.AsNoTracking().SingleAsync(o => o.Code == code, cancellationToken);
            return CommandResult.Conflicted<Operation>(new EditConflict(expectedRevision, current.Revision, current.UpdatedBy, current.UpdatedAt, [], "operation"));
        }

        return CommandResult.Ok(operation);
    }

    private static List<string> Split(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// The Board chair may change any operation; a strand lead may change an operation their strand takes part in,
    /// but may add or remove only their own strands from it.
    /// </summary>
    private static void EnsureMayChange(Actor actor, IReadOnlyCollection<string> before, IReadOnlyCollection<string> after)
    {
        if (AccessPolicy.Allows(actor, Capability.ManageOperations))
        {
            return;
        }

        var strand = before.FirstOrDefault(s => AccessPolicy.Allows(actor, Capability.ManageOperations, s));
        if (strand is null)
        {
            AccessPolicy.Ensure(actor, Capability.ManageOperations, before.FirstOrDefault());
        }

        foreach (var changed in before.Except(after).Concat(after.Except(before)))
        {
            AccessPolicy.Ensure(actor, Capability.ManageOperations, changed);
        }
    }
}
