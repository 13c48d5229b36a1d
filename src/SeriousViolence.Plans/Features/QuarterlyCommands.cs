using Microsoft.EntityFrameworkCore;
using SeriousViolence.Plugins;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Plans.Model;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Plugins;

namespace SeriousViolence.Plans.Features;

/// <summary>One objective's update for the quarter, as the lead fills it in.</summary>
public sealed class QuarterlyDraftForm
{
    /// <summary>Nothing new this quarter: the objective stands as last reported.</summary>
    public bool CarriedForward { get; set; }

    public ObjectiveStatus Status { get; set; }

    public Rag? Rag { get; set; }

    public int PercentComplete { get; set; }

    public string Narrative { get; set; } = "";

    /// <summary>One link per line.</summary>
    public string EvidenceLinks { get; set; } = "";

    internal List<string> Links => [.. EvidenceLinks.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    internal Validation Validate(bool forCorrection = false)
    {
        var v = new Validation();
        if (!CarriedForward || forCorrection)
        {
            if (Rag is null)
            {
                v.Add(nameof(Rag), "Give a RAG rating for the quarter.");
            }

            if (string.IsNullOrWhiteSpace(Narrative) || Narrative.Trim().Length < 10)
            {
                v.Add(nameof(Narrative), "Say in a sentence or more what happened this quarter.");
            }
        }

        if (PercentComplete is < 0 or > 100)
        {
            v.Add(nameof(PercentComplete), "Percent complete is between 0 and 100.");
        }

        if (Status == ObjectiveStatus.Complete && PercentComplete != 100)
        {
            v.Add(nameof(PercentComplete), "A complete objective is 100% complete.");
        }

        if (Narrative.Length > 8000)
        {
            v.Add(nameof(Narrative), "Keep the narrative to 8,000 characters.");
        }

        foreach (var link in Links.Where(l => !Uri.TryCreate(l, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttps && u.Scheme != Uri.UriSchemeHttp)))
        {
            v.Add(nameof(EvidenceLinks), $"'{link}' is not a web link (it should start with https://).");
        }

        return v;
    }
}

/// <summary>
/// The quarterly update: leads draft an update (or carry forward) for every objective of their strand in the current
/// financial quarter, then submit them together. Submitted updates are never edited: a correction is a new revision.
/// </summary>
public sealed class QuarterlyCommands(PlansDbContext db, ObjectiveCommands objectives, PluginRegistry plugins, TimeProvider clock)
{
    /// <summary>The quarter being reported on now: the last one to have ended, whose window the quarterly cycle has opened.</summary>
    public FinancialQuarter ReportingQuarter => FinancialQuarter.ReportedAt(clock.GetUtcNow());

    public async Task<CommandResult<QuarterlyDraft>> SaveDraftAsync(Actor actor, Guid objectiveId, QuarterlyDraftForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var objective = await db.Objectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectiveId, cancellationToken)
            ?? throw new KeyNotFoundException($"No objective {objectiveId}.");
        AccessPolicy.Ensure(actor, Capability.UpdateProgress, objective.StrandId);
        db.ActingAs = actor;
        if (form.CarriedForward)
        {
            // Carrying forward restates the position last reported.
            form.Status = objective.Status;
            form.Rag = objective.Rag;
            form.PercentComplete = objective.PercentComplete;
        }

        var validation = form.Validate();
        if (validation.Failed)
        {
            return CommandResult.Invalid<QuarterlyDraft>(validation.Errors);
        }

        var quarter = ReportingQuarter.ToString();
        var draft = await db.QuarterlyDrafts.SingleOrDefaultAsync(d => d.ObjectiveId == objectiveId && d.Quarter == quarter, cancellationToken);
        if (draft is null)
        {
            draft = new QuarterlyDraft { ObjectiveId = objectiveId, Quarter = quarter, UpdatedBy = actor.DisplayName };
            db.QuarterlyDrafts.Add(draft);
        }

        draft.CarriedForward = form.CarriedForward;
        draft.Status = form.Status;
        draft.Rag = form.Rag;
        draft.PercentComplete = form.PercentComplete;
        draft.Narrative = form.Narrative.Trim();
        draft.EvidenceLinks = form.Links;
        draft.UpdatedBy = actor.DisplayName;
        draft.UpdatedAt = clock.GetUtcNow();
        if (form.CarriedForward && draft.Narrative.Length == 0)
        {
            draft.Narrative = "Carried forward: no change this quarter.";
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok<QuarterlyDraft>(draft);
    }

    /// <summary>
    /// Submits the strand's quarter: every objective that is not cancelled must have an update or be carried forward.
    /// Each becomes a submitted update (the next revision for that objective and quarter), the objectives take the
    /// reported RAG and progress, and the Board is told.
    /// </summary>
    public async Task<CommandResult<QuarterlySubmission>> SubmitQuarterAsync(Actor actor, string strandId, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.SubmitQuarter, strandId);
        db.ActingAs = actor;
        var quarter = ReportingQuarter.ToString();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = await db.Objectives.Where(o => o.StrandId == strandId && o.Status != ObjectiveStatus.Cancelled).ToListAsync(cancellationToken);
        var ids = open.Select(o => o.Id).ToList();
        var drafts = await db.QuarterlyDrafts.Where(d => d.Quarter == quarter && ids.Contains(d.ObjectiveId)).ToDictionaryAsync(d => d.ObjectiveId, cancellationToken);
        var missing = open.Where(o => !drafts.ContainsKey(o.Id)).ToList();
        if (missing.Count > 0)
        {
            var v = new Validation();
            v.Add("Objectives", $"{missing.Count} of {open.Count} objectives have no update for {quarter}: update each or carry it forward, then submit. " +
                "First without one: \"" + Shorten(missing[0].Text) + "\"");
            return CommandResult.Invalid<QuarterlySubmission>(v.Errors);
        }

        var revisions = await db.QuarterlyUpdates.Where(u => u.Quarter == quarter && ids.Contains(u.ObjectiveId))
            .GroupBy(u => u.ObjectiveId).Select(g => new { g.Key, Max = g.Max(u => u.Revision) })
            .ToDictionaryAsync(x => x.Key, x => x.Max, cancellationToken);
        var submitted = new List<QuarterlyUpdate>();
        foreach (var objective in open)
        {
            var draft = drafts[objective.Id];
            submitted.Add(new QuarterlyUpdate
            {
                Id = Guid.CreateVersion7(now), ObjectiveId = objective.Id, StrandId = strandId, Quarter = quarter,
                Revision = revisions.GetValueOrDefault(objective.Id) + 1, CarriedForward = draft.CarriedForward, Rag = draft.Rag,
                PercentComplete = draft.PercentComplete, Narrative = draft.Narrative, EvidenceLinks = draft.EvidenceLinks,
                SubmittedBy = actor.DisplayName, SubmittedAt = now,
            });
            db.QuarterlyUpdates.Add(submitted[^1]);
            if (!draft.CarriedForward && (objective.Rag != draft.Rag || objective.PercentComplete != draft.PercentComplete || objective.Status != draft.Status))
            {
                objective.Rag = draft.Rag;
                objective.PercentComplete = draft.PercentComplete;
                objective.Status = draft.Status;
                objectives.Changed(objective, actor, now);
            }

            db.QuarterlyDrafts.Remove(draft);
        }

        var previous = await db.QuarterlySubmissions.Where(s => s.StrandId == strandId && s.Quarter == quarter).MaxAsync(s => (int?)s.Revision, cancellationToken) ?? 0;
        var submission = new QuarterlySubmission
        {
            StrandId = strandId, Quarter = quarter, Revision = previous + 1, SubmittedBy = actor.DisplayName, SubmittedAt = now,
            ObjectivesUpdated = drafts.Values.Count(d => !d.CarriedForward), ObjectivesCarriedForward = drafts.Values.Count(d => d.CarriedForward),
        };
        db.QuarterlySubmissions.Add(submission);
        db.Enqueue(new QuarterlyUpdateSubmitted
        {
            StrandId = strandId, Quarter = quarter, Revision = submission.Revision, OccurredAt = now,
            ObjectivesUpdated = submission.ObjectivesUpdated, ObjectivesCarriedForward = submission.ObjectivesCarriedForward, SubmittedBy = actor.DisplayName,
            Updates = [.. submitted.Select(PlansAnnouncer.ToSubmitted)],
        }, now, plugins.ModuleFor(strandId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok<QuarterlySubmission>(submission);
    }

    /// <summary>Corrects a submitted update: a new revision with its reason; the earlier revisions stay in the history.</summary>
    public async Task<CommandResult<QuarterlyUpdate>> CorrectAsync(Actor actor, Guid objectiveId, string quarter, QuarterlyDraftForm form, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Id == objectiveId, cancellationToken)
            ?? throw new KeyNotFoundException($"No objective {objectiveId}.");
        AccessPolicy.Ensure(actor, Capability.SubmitQuarter, objective.StrandId);
        db.ActingAs = actor;
        var validation = form.Validate(forCorrection: true);
        if (string.IsNullOrWhiteSpace(reason))
        {
            validation.Add("Reason", "Say why the submitted update is being corrected.");
        }

        var latest = await db.QuarterlyUpdates.Where(u => u.ObjectiveId == objectiveId && u.Quarter == quarter).OrderByDescending(u => u.Revision).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            validation.Add("Quarter", $"Nothing was submitted for {quarter}, so there is nothing to correct.");
        }

        if (validation.Failed)
        {
            return CommandResult.Invalid<QuarterlyUpdate>(validation.Errors);
        }

        var now = clock.GetUtcNow();
        var update = new QuarterlyUpdate
        {
            Id = Guid.CreateVersion7(now), ObjectiveId = objectiveId, StrandId = objective.StrandId, Quarter = quarter, Revision = latest!.Revision + 1,
            CarriedForward = false, Rag = form.Rag, PercentComplete = form.PercentComplete, Narrative = form.Narrative.Trim(), EvidenceLinks = form.Links,
            CorrectionReason = reason.Trim(), SubmittedBy = actor.DisplayName, SubmittedAt = now,
        };
        db.QuarterlyUpdates.Add(update);
        if (string.Equals(quarter, await LatestSubmittedQuarterAsync(objectiveId, cancellationToken) ?? quarter, StringComparison.Ordinal))
        {
            objective.Rag = form.Rag;
            objective.PercentComplete = form.PercentComplete;
            objectives.Changed(objective, actor, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok<QuarterlyUpdate>(update);
    }

    private async Task<string?> LatestSubmittedQuarterAsync(Guid objectiveId, CancellationToken cancellationToken)
    {
        var quarters = await db.QuarterlyUpdates.Where(u => u.ObjectiveId == objectiveId).Select(u => u.Quarter).Distinct().ToListAsync(cancellationToken);
        return quarters.Count == 0 ? null : quarters.Select(FinancialQuarter.Parse).Max().ToString();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
