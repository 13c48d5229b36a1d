using Microsoft.EntityFrameworkCore;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.Homicide.Records;

namespace SeriousViolence.Strands.Homicide.Investigations;

/// <summary>
/// Opens and updates investigations and, in the same transaction, everything the strand says about them: the changed
/// observations of its detection, conviction and debrief measures and its Board highlights.
/// </summary>
public sealed class InvestigationCommands(HomicideDbContext db, HomicideFigures figures, IRefusalLog refusals, TimeProvider clock)
{
    /// <summary>Held by Homicide's leads and action owners (the investigation teams' reporting officers).</summary>
    public static readonly StrandCapability RecordInvestigation = new("record-investigation", "record a homicide investigation");

    /// <summary>
    /// Saves the investigation: new when <paramref name="id"/> is null, otherwise a change from the version the person
    /// read (<paramref name="expectedVersion"/>); if someone saved it since, nothing is written and the conflict says so.
    /// </summary>
    public async Task<RegisterResult<Investigation>> SaveAsync(Actor actor, InvestigationForm form, Guid? id, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await HomicideAccess.EnsureAsync(actor, RecordInvestigation, refusals, cancellationToken);

        var now = clock.GetUtcNow();
        var errors = form.Validate(HomicideFieldText.LondonToday(now), out var input);
        if (errors.Count > 0)
        {
            return RegisterResult<Investigation>.Invalid(errors);
        }

        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await figures.LoadAsync(cancellationToken);
        var all = db.Investigations.Local;
        var sameName = all.SingleOrDefault(i => i.OperationName == input.OperationName && i.Id != id);
        if (sameName is not null)
        {
            return RegisterResult<Investigation>.Invalid(new Dictionary<string, string[]>
            {
                [nameof(InvestigationForm.OperationName)] = [$"{input.OperationName} is already recorded (opened {HomicideFieldText.DateDisplay(sameName.OpenedOn)}); change that one instead."],
            });
        }

        Investigation current;
        if (id is null)
        {
            current = new Investigation
            {
                Id = Guid.CreateVersion7(now), OperationName = input.OperationName, Borough = input.Borough, Status = input.Status,
                CreatedAt = now, CreatedBy = actor.DisplayName, UpdatedBy = actor.DisplayName, Version = 1,
            };
            db.Investigations.Add(current);
        }
        else
        {
            var found = all.SingleOrDefault(i => i.Id == id);
            if (found is null)
            {
                return RegisterResult<Investigation>.Conflicted("That investigation is not in the register any more; reload the page.");
            }

            if (found.Version != expectedVersion)
            {
                return RegisterResult<Investigation>.Conflicted(
                    $"{found.UpdatedBy} saved {found.OperationName} at {HomicideFieldText.LondonDisplay(found.UpdatedAt)} (status {found.Status}, version {found.Version}); your entry was not saved. Check their entry and, if yours is right, enter it again.");
            }

            // The quarter opened and the borough say where the investigation counts; a published observation cannot be
            // withdrawn, so moving it would leave its old period counting it.
            var moved = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (FinancialQuarter.Containing(input.OpenedOn) != FinancialQuarter.Containing(found.OpenedOn))
            {
                moved[nameof(InvestigationForm.OpenedOn)] = [$"The opening date can be corrected only within {FinancialQuarter.Containing(found.OpenedOn)}, the quarter it counts in."];
            }

            if (input.Borough != found.Borough)
            {
                moved[nameof(InvestigationForm.Borough)] = ["The borough cannot be changed once recorded: the investigation's figures count there."];
            }

            if (moved.Count > 0)
            {
                return RegisterResult<Investigation>.Invalid(moved);
            }

            current = found;
            db.Entry(current).Property(i => i.Version).OriginalValue = expectedVersion!.Value;
            current.Version = expectedVersion.Value + 1;
            current.UpdatedBy = actor.DisplayName;
        }

        current.OperationName = input.OperationName;
        current.OpenedOn = input.OpenedOn;
        current.Status = input.Status;
        current.DetectedOn = input.DetectedOn;
        current.ChargedOn = input.ChargedOn;
        current.Outcome = input.Outcome;
        current.DebriefedOn = input.DebriefedOn;
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
            return RegisterResult<Investigation>.Conflicted("Someone else saved this investigation at the same moment; your entry was not saved. Reload it and enter your change again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return RegisterResult<Investigation>.Conflicted($"Someone else recorded {input.OperationName} at the same moment; your entry was not saved. Open theirs and change it if needed.");
        }

        return RegisterResult<Investigation>.Ok(current);
    }
}
