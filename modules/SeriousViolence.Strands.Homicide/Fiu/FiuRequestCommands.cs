using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Strands.Homicide.Records;

namespace SeriousViolence.Strands.Homicide.Fiu;

/// <summary>Logs FIU requests (the deadline fixed on receipt) and their responses, with the FIU measures and highlights.</summary>
public sealed class FiuRequestCommands(HomicideDbContext db, HomicideFigures figures, IRefusalLog refusals, TimeProvider clock)
{
    /// <summary>Held by Homicide's leads and action owners (the FIU's staff log their own requests).</summary>
    public static readonly StrandCapability RecordFiuRequest = new("record-fiu-request", "log an FIU request");

    public async Task<RegisterResult<FiuRequest>> SaveAsync(Actor actor, FiuRequestForm form, Guid? id, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await HomicideAccess.EnsureAsync(actor, RecordFiuRequest, refusals, cancellationToken);

        var now = clock.GetUtcNow();
        var errors = form.Validate(now, out var input);
        if (errors.Count > 0)
        {
            return RegisterResult<FiuRequest>.Invalid(errors);
        }

        db.ActingAs = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await figures.LoadAsync(cancellationToken);
        FiuRequest current;
        if (id is null)
        {
            current = new FiuRequest
            {
                Id = Guid.CreateVersion7(now), RequestType = input.RequestType, CreatedAt = now, CreatedBy = actor.DisplayName, UpdatedBy = actor.DisplayName, Version = 1,
            };
            db.FiuRequests.Add(current);
        }
        else
        {
            var found = db.FiuRequests.Local.SingleOrDefault(r => r.Id == id);
            if (found is null)
            {
                return RegisterResult<FiuRequest>.Conflicted("That request is not in the log any more; reload the page.");
            }

            if (found.Version != expectedVersion)
            {
                return RegisterResult<FiuRequest>.Conflicted(
                    $"{found.UpdatedBy} saved {found.Reference} at {HomicideFieldText.LondonDisplay(found.UpdatedAt)} (version {found.Version}); your entry was not saved. Check their entry and, if yours is right, enter it again.");
            }

            // The type and the month received say which measure and period the request counts in (see HomicideFigures).
            var moved = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (input.RequestType != found.RequestType)
            {
                moved[nameof(FiuRequestForm.RequestType)] = ["The type of request cannot be changed once logged: its deadline and measure follow from it."];
            }

            if (HomicideFigures.MonthOf(input.ReceivedAt) != HomicideFigures.MonthOf(found.ReceivedAt))
            {
                moved[nameof(FiuRequestForm.ReceivedAt)] = [$"The time received can be corrected only within {HomicideFigures.MonthText(HomicideFigures.MonthOf(found.ReceivedAt))}, the month it counts in."];
            }

            if (moved.Count > 0)
            {
                return RegisterResult<FiuRequest>.Invalid(moved);
            }

            current = found;
            db.Entry(current).Property(r => r.Version).OriginalValue = expectedVersion!.Value;
            current.Version = expectedVersion.Value + 1;
            current.UpdatedBy = actor.DisplayName;
        }

        current.ReceivedAt = input.ReceivedAt;
        // Computed on receipt: 48 hours for a cash seizure, 24 for advice or assistance.
        current.DeadlineAt = input.ReceivedAt + FiuRequestTypes.Allowed(input.RequestType);
        current.RespondedAt = input.RespondedAt;
        current.RespondedBy = input.RespondedBy;
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
            return RegisterResult<FiuRequest>.Conflicted("Someone else saved this request at the same moment; your entry was not saved. Reload it and enter your change again.");
        }

        return RegisterResult<FiuRequest>.Ok(current);
    }
}
