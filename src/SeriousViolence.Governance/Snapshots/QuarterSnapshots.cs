using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Cycle;
using SeriousViolence.Platform.Strands;

namespace SeriousViolence.Governance.Snapshots;

/// <summary>A quarter record as stored: the picture at the lock and every later revision, oldest first.</summary>
public sealed record QuarterRecordView(Guid SnapshotId, string Quarter, DateTimeOffset TakenAt, QuarterPicture Picture, IReadOnlyList<SnapshotRevision> Revisions);

public sealed record SnapshotRevision(int Revision, string Reason, DateTimeOffset RecordedAt, JsonElement Content);

/// <summary>
/// Takes and reads quarter records. A record is written once (the database refuses any change to it); corrections
/// after the lock are revisions, each with its reason.
/// </summary>
public sealed class QuarterSnapshots(GovernanceDbContext db, BoardReadModelSource board, StrandCatalog catalog, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Takes the record of a locked quarter; taking it twice returns the first.</summary>
    public async Task<Guid> TakeAsync(Actor actor, string quarter, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.RunJobs);
        db.ActingAs = actor;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Quarters.FromSqlRaw("SELECT * FROM governance.quarters WHERE quarter = {0} FOR UPDATE", quarter).SingleAsync(cancellationToken);
        if (record.State != QuarterStates.Locked)
        {
            throw new InvalidOperationException($"{quarter} is {record.State}: a quarter record is taken only once it is locked.");
        }

        if (record.SnapshotId is { } existing)
        {
            return existing;
        }

        var picture = await PictureAsync(quarter, record.DeadlineAt, now, cancellationToken);
        var id = Guid.CreateVersion7(now);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO governance.quarter_snapshots (id, quarter, taken_at, taken_by, content) VALUES ({0}, {1}, {2}, {3}, {4}::jsonb)",
            [id, quarter, now, actor.DisplayName, JsonSerializer.Serialize(picture, Json)],
            cancellationToken);
        record.SnapshotId = id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>A correction after the lock (a late submission, a corrected update): appended, never merged into the record.</summary>
    public async Task RecordRevisionAsync(Guid snapshotId, string reason, object content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO governance.snapshot_revisions (id, snapshot_id, revision, reason, recorded_at, content)
            SELECT {0}, {1}, coalesce(max(revision), 0) + 1, {2}, {3}, {4}::jsonb FROM governance.snapshot_revisions WHERE snapshot_id = {1}
            """,
            [Guid.CreateVersion7(now), snapshotId, reason, now, JsonSerializer.Serialize(content, Json)],
            cancellationToken);
    }

    public async Task<QuarterRecordView?> GetAsync(Actor actor, string quarter, CancellationToken cancellationToken)
    {
        AccessPolicy.Ensure(actor, Capability.ViewBoard);
        var rows = await db.Database.SqlQueryRaw<SnapshotRow>(
            """SELECT id AS "Id", quarter AS "Quarter", taken_at AS "TakenAt", content::text AS "Content" FROM governance.quarter_snapshots WHERE quarter = {0}""",
            quarter).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        var revisions = await db.Database.SqlQueryRaw<RevisionRow>(
            """SELECT revision AS "Revision", reason AS "Reason", recorded_at AS "RecordedAt", content::text AS "Content" FROM governance.snapshot_revisions WHERE snapshot_id = {0} ORDER BY revision""",
            row.Id).ToListAsync(cancellationToken);
        return new QuarterRecordView(
            row.Id, row.Quarter, row.TakenAt, JsonSerializer.Deserialize<QuarterPicture>(row.Content, Json)!,
            [.. revisions.Select(r => new SnapshotRevision(r.Revision, r.Reason, r.RecordedAt, JsonDocument.Parse(r.Content).RootElement.Clone()))]);
    }

    /// <summary>What moved between two quarter records, and what got worse.</summary>
    public async Task<QuarterComparison?> CompareAsync(Actor actor, string from, string to, CancellationToken cancellationToken)
    {
        var before = await GetAsync(actor, from, cancellationToken);
        var after = await GetAsync(actor, to, cancellationToken);
        return before is null || after is null ? null : QuarterComparison.Between(before.Picture, after.Picture);
    }

    /// <summary>The Board's picture now, with each strand's submission for the given quarter (a meeting pack's content).</summary>
    internal Task<QuarterPicture> PictureNowAsync(string quarter, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        PictureAsync(quarter, deadline, clock.GetUtcNow(), cancellationToken);

    private async Task<QuarterPicture> PictureAsync(string quarter, DateTimeOffset deadline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (objectives, measures) = await board.ReadAsync(cancellationToken);
        var updates = await board.UpdatesAsync(quarter, cancellationToken);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.Quarter == quarter).ToListAsync(cancellationToken);
        var strands = catalog.Descriptors.Select(d =>
        {
            var first = submissions.Where(s => s.StrandId == d.Id).OrderBy(s => s.Revision).FirstOrDefault();
            return new StrandPicture
            {
                StrandId = d.Id, Number = d.Number, Name = d.Name,
                Submission = first is null ? "not submitted" : first.SubmittedAt > deadline ? "late" : "on time",
                SubmittedAt = first?.SubmittedAt, SubmittedBy = first?.SubmittedBy,
                Objectives = [.. objectives.Where(o => o.StrandId == d.Id).Select(o => new ObjectivePicture
                {
                    ObjectiveId = o.ObjectiveId, Text = o.Text, Status = o.Status, Rag = o.Rag, PercentComplete = o.PercentComplete, Revision = o.Revision,
                    Update = updates.TryGetValue(o.ObjectiveId, out var u)
                        ? new ObjectiveUpdatePicture(u.Revision, u.CarriedForward, u.Rag, u.PercentComplete, u.Narrative, u.SubmittedBy, u.SubmittedAt)
                        : null,
                })],
            };
        }).ToList();
        return new QuarterPicture
        {
            Quarter = quarter, TakenAt = now, Strands = strands, Measures = measures,
            ObjectivesByStatus = strands.SelectMany(s => s.Objectives).GroupBy(o => o.Status, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        };
    }

    private sealed record SnapshotRow(Guid Id, string Quarter, DateTimeOffset TakenAt, string Content);

    private sealed record RevisionRow(int Revision, string Reason, DateTimeOffset RecordedAt, string Content);
}
