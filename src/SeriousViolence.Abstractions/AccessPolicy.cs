namespace SeriousViolence.Abstractions;

/// <summary>Everything a user may be allowed to do. Strand-scoped permissions are checked against one strand.</summary>
public enum Capability
{
    /// <summary>See the Board dashboard, quarters and strand pages (every internal role).</summary>
    ViewBoard,

    /// <summary>See items shared with a partner (partners, and every internal role).</summary>
    ViewShared,

    /// <summary>Add objectives, edit their wording, targets and owners, add or remove milestones. Strand-scoped.</summary>
    ManageObjectives,

    /// <summary>Record progress: status, RAG, percent, quarterly drafts, ticking milestones. Strand-scoped.</summary>
    UpdateProgress,

    /// <summary>Submit or correct the strand's quarterly update. Strand-scoped.</summary>
    SubmitQuarter,

    /// <summary>Record observations of a measure that belongs to the strand. Strand-scoped.</summary>
    RecordMeasureValues,

    /// <summary>Import data files, map categories and define measures (force-wide data).</summary>
    ImportData,

    /// <summary>Edit the operations register. Strand-scoped: a lead of a strand the operation serves, or the Board chair.</summary>
    ManageOperations,

    /// <summary>Download CSV, print views and packs (every internal role); each export is audited.</summary>
    Export,

    /// <summary>Ask every strand to re-announce or rebuild the Board's read model.</summary>
    RebuildBoard,

    /// <summary>Record Board meetings, decisions and actions arising.</summary>
    ManageMeetings,

    /// <summary>See scheduled jobs and trigger one now.</summary>
    RunJobs,

    /// <summary>Invite users, assign roles and strand scopes, disable accounts, issue and revoke API tokens.</summary>
    ManageUsers,

    /// <summary>Read and export the audit trail.</summary>
    ViewAudit,
}

/// <summary>
/// The one place that decides who may do what. Every command, query, page and API endpoint asks here, on the server.
/// Pure: no I/O, so the whole role x capability x strand matrix is tested directly and through every entry point.
/// </summary>
public static class AccessPolicy
{
    public static bool Allows(Actor actor, Capability capability, string? strandId = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsSystem)
        {
            return true;
        }

        return capability switch
        {
            Capability.ViewBoard => actor.IsInternal,
            Capability.ViewShared => actor.IsInternal || actor.Has(Role.Partner),
            Capability.ManageObjectives or Capability.SubmitQuarter => Scoped(actor, strandId, Role.StrandLead),
            Capability.UpdateProgress => Scoped(actor, strandId, Role.StrandLead, Role.ActionOwner),
            Capability.RecordMeasureValues => actor.Has(Role.PerformanceAnalyst) || Scoped(actor, strandId, Role.StrandLead),
            Capability.ImportData => actor.Has(Role.PerformanceAnalyst),
            Capability.ManageOperations => actor.Has(Role.BoardChair) || Scoped(actor, strandId, Role.StrandLead),
            Capability.Export => actor.IsInternal,
            Capability.RebuildBoard => actor.Has(Role.BoardChair) || actor.Has(Role.Administrator),
            Capability.ManageMeetings => actor.Has(Role.BoardChair) || actor.Has(Role.BoardMember),
            Capability.RunJobs or Capability.ManageUsers => actor.Has(Role.Administrator),
            Capability.ViewAudit => actor.Has(Role.Auditor),
            _ => false,
        };
    }

    /// <summary>Throws <see cref="AccessDeniedException"/> (which the boundaries turn into 403 and an audit record).</summary>
    public static void Ensure(Actor actor, Capability capability, string? strandId = null)
    {
        if (!Allows(actor, capability, strandId))
        {
            var where = strandId is null ? string.Empty : $" for the strand '{strandId}'";
            throw new AccessDeniedException(actor, capability, strandId, $"{actor.DisplayName} may not {Describe(capability)}{where}.");
        }
    }

    /// <summary>
    /// Recording values of one measure: analysts, or a lead of a strand the measure belongs to; an API token limited
    /// to some measures may record only those.
    /// </summary>
    public static void EnsureMayRecord(Actor actor, string measureCode, IEnumerable<string> measureStrands)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(measureStrands);
        var strands = measureStrands.ToList();
        var allowed = (actor.MeasureScope is null || actor.MeasureScope.Contains(measureCode))
            && (Allows(actor, Capability.RecordMeasureValues) || strands.Any(s => Allows(actor, Capability.RecordMeasureValues, s)));
        if (!allowed)
        {
            throw new AccessDeniedException(actor, Capability.RecordMeasureValues, strands.FirstOrDefault(), $"{actor.DisplayName} may not record values of the measure '{measureCode}'.");
        }
    }

    /// <summary>A capability a strand declared itself: its leads (and, unless leads only, its action owners) hold it.</summary>
    public static bool Allows(Actor actor, StrandCapability capability, string strandId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(capability);
        if (actor.IsSystem)
        {
            return true;
        }

        return capability.LeadsOnly ? Scoped(actor, strandId, Role.StrandLead) : Scoped(actor, strandId, Role.StrandLead, Role.ActionOwner);
    }

    /// <summary>Throws <see cref="AccessDeniedException"/> naming the strand's capability (403 and an audit record at the boundary).</summary>
    public static void Ensure(Actor actor, StrandCapability capability, string strandId)
    {
        if (!Allows(actor, capability, strandId))
        {
            throw new AccessDeniedException(actor, capability, strandId, $"{actor.DisplayName} may not {capability.Description} for the strand '{strandId}'.");
        }
    }

    public static string Describe(Capability capability) => capability switch
    {
        Capability.ViewBoard => "view the Board",
        Capability.ViewShared => "view shared items",
        Capability.ManageObjectives => "change the action plan",
        Capability.UpdateProgress => "record progress",
        Capability.SubmitQuarter => "submit the quarterly update",
        Capability.RecordMeasureValues => "record measure values",
        Capability.ImportData => "import performance data",
        Capability.ManageOperations => "change the operations register",
        Capability.Export => "export data",
        Capability.RebuildBoard => "rebuild the Board",
        Capability.ManageMeetings => "record Board meetings",
        Capability.RunJobs => "run scheduled jobs",
        Capability.ManageUsers => "manage users",
        Capability.ViewAudit => "view the audit trail",
        _ => capability.ToString(),
    };

    private static bool Scoped(Actor actor, string? strandId, params Role[] roles) =>
        strandId is not null && roles.Any(r => actor.Has(r, strandId));
}

/// <summary>Where pages report a refused attempt (a direct URL to something the user may not see); the audit trail.</summary>
public interface IRefusalLog
{
    Task RecordDeniedAsync(AccessDeniedException denied, string attempted, CancellationToken cancellationToken);
}

/// <summary>
/// Records a download in the audit trail (who, what, for whom and why, its marking), for exports a strand makes itself;
/// the platform's audit trail implements it.
/// </summary>
public interface IExportLog
{
    Task RecordExportAsync(Actor actor, string what, string reference, string? strandId, ProtectiveMarking marking, CancellationToken cancellationToken);
}
