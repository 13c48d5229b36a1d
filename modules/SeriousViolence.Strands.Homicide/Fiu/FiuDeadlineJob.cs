using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Plugins;
using SeriousViolence.Strands.Homicide.Records;

namespace SeriousViolence.Strands.Homicide.Fiu;

/// <summary>
/// Warns the FIU lead before a request's deadline passes (when a quarter of the time allowed remains: 12 h of 48, 6 h
/// of 24) and marks the breach once it has, each once per request, in <c>fiu_warnings</c> (shown on the FIU page) and
/// in the strand's Board highlight (breaches ask for the Board's agenda); republishes the FIU measures, since a request
/// past its deadline unanswered now counts as missed. Each warning and breach is also a <see cref="StrandNoticeRaised"/>
/// (in the same transaction, through the outbox), which the platform passes to the strand's leads in the app and by
/// e-mail: the FIU lead is not an account of its own, so the strand's leads hear of it and the FIU page shows it.
/// </summary>
public sealed class FiuDeadlineJob(HomicideDbContext db, HomicideFigures figures, TimeProvider clock) : IStrandJob
{
    public const string Name = "homicide-fiu-deadlines";

    public const string Description = "Warns the SCD1 FIU lead before a request's deadline passes and marks breaches.";

    /// <summary>Every 15 minutes: the shortest warning is 6 hours ahead, so it always comes in time.</summary>
    public const string Cron = "0 0/15 * * * ?";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        // Jobs act as the platform; the warnings and breaches are audited under its name.
        db.ActingAs = Actor.System;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await figures.LoadAsync(cancellationToken);
        int warned = 0, breached = 0;
        foreach (var request in db.FiuRequests.Local.Where(r => r.RespondedAt is null).OrderBy(r => r.DeadlineAt).ToList())
        {
            if (now > request.DeadlineAt && request.BreachFoundAt is null)
            {
                request.BreachFoundAt = now;
                Raise(request, "breach", $"{request.Reference} ({FiuRequestTypes.Labels[request.RequestType]}) passed its deadline of {HomicideFieldText.LondonDisplay(request.DeadlineAt)} without a response.", now);
                breached++;
            }
            else if (now <= request.DeadlineAt && now >= request.DeadlineAt - FiuRequestTypes.WarnBefore(request.RequestType) && request.WarnedAt is null)
            {
                request.WarnedAt = now;
                var left = request.DeadlineAt - now;
                Raise(request, "warning", $"{request.Reference} ({FiuRequestTypes.Labels[request.RequestType]}) must be answered by {HomicideFieldText.LondonDisplay(request.DeadlineAt)}: {Math.Floor(left.TotalHours).ToString(CultureInfo.InvariantCulture)} h {left.Minutes} min left.", now);
                warned++;
            }
        }

        var published = figures.Announce(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return $"Warned of {warned} FIU deadline{(warned == 1 ? "" : "s")} near, marked {breached} breach{(breached == 1 ? "" : "es")}, published {published} observation{(published == 1 ? "" : "s")}.";
    }

    private void Raise(FiuRequest request, string kind, string text, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        db.FiuWarnings.Add(new FiuWarning
        {
            Id = id, RequestId = request.Id, Kind = kind, AddressedTo = FiuRequestTypes.FiuLead, Text = text, DeadlineAt = request.DeadlineAt, RaisedAt = now,
        });
        db.Enqueue(new StrandNoticeRaised
        {
            NoticeId = id, StrandId = HomicideStrand.Strand.Id, OccurredAt = now, Link = HomicideFigures.FiuPath,
            Subject = kind == "breach" ? $"FIU deadline breached: {request.Reference}" : $"FIU deadline near: {request.Reference}",
            Body = $"{text}\n\nFor the attention of the {FiuRequestTypes.FiuLead}. Record the response on the FIU page as soon as it is made.",
        }, now);
    }
}
