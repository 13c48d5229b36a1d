using Microsoft.EntityFrameworkCore;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.Homicide.Records;

namespace SeriousViolence.Strands.Homicide.Partnerships;

/// <summary>Records the partnership projects the strand supports, with the projects-supported measure and highlight.</summary>
public sealed class PartnershipProjectCommands(HomicideDbContext db, HomicideFigures figures, IRefusalLog refusals, TimeProvider clock)
{
    /// <summary>Supporting a project commits the strand: a lead's decision, not an action owner's.</summary>
    public static readonly StrandCapability RecordProject = new("record-partnership-project", "record a partnership project", LeadsOnly: true);

    public async Task<RegisterResult<PartnershipProject>> SaveAsync(Actor actor, PartnershipProjectForm form, Guid? id, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await HomicideAccess.EnsureAsync(actor, RecordProject, refusals, cancellationToken);

        var now = clock.GetUtcNow();
        var errors = form.Validate(HomicideFieldText.LondonToday(now), out var input);
        if (errors.Count > 0)
        {
            return RegisterResult<PartnershipProject>.Invalid(errors);
        }

        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await figures.LoadAsync(cancellationToken);
        if (db.Projects.Local.Any(p => p.Id != id && string.Equals(p.Name, input.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return RegisterResult<PartnershipProject>.Invalid(new Dictionary<string, string[]> { [nameof(PartnershipProjectForm.Name)] = [$"A project called {input.Name} is already recorded; change that one instead."] });
        }

        PartnershipProject current;
        if (id is null)
        {
            current = new PartnershipProject
            {
                Id = Guid.CreateVersion7(now), Name = input.Name, Objective = input.Objective, Status = input.Status,
                CreatedAt = now, CreatedBy = actor.DisplayName, UpdatedBy = actor.DisplayName, Version = 1,
            };
            db.Projects.Add(current);
        }
        else
        {
            var found = db.Projects.Local.SingleOrDefault(p => p.Id == id);
            if (found is null)
            {
                return RegisterResult<PartnershipProject>.Conflicted("That project is not in the register any more; reload the page.");
            }

            if (found.Version != expectedVersion)
            {
                return RegisterResult<PartnershipProject>.Conflicted(
                    $"{found.UpdatedBy} saved {found.Name} at {HomicideFieldText.LondonDisplay(found.UpdatedAt)} (status {found.Status}, version {found.Version}); your entry was not saved. Check their entry and, if yours is right, enter it again.");
            }

            current = found;
            db.Entry(current).Property(p => p.Version).OriginalValue = expectedVersion!.Value;
            current.Version = expectedVersion.Value + 1;
            current.UpdatedBy = actor.DisplayName;
        }

        current.Name = input.Name;
        current.Partners = input.Partners;
        current.Objective = input.Objective;
        current.StartedOn = input.StartedOn;
        current.Status = input.Status;
        current.Evidence = input.Evidence;
        current.Marking = input.Marking;
        current.UpdatedAt = now;
        figures.Announce(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RegisterResult<PartnershipProject>.Conflicted("Someone else saved this project at the same moment; your entry was not saved. Reload it and enter your change again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return RegisterResult<PartnershipProject>.Conflicted($"Someone else recorded {input.Name} at the same moment; your entry was not saved.");
        }

        return RegisterResult<PartnershipProject>.Ok(current);
    }
}
