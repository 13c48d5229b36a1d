using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Abstractions.Csv;
using SeriousViolence.Strands.GangsCriminalNetworks.Networks;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Sharing;

/// <summary>A marked CSV the platform produced, with its name and what the export record says of it.</summary>
public sealed record GangsExport(string FileName, string Csv, ExportRecord Record);

/// <summary>
/// Sharing agreements and exports (ICO findings: unredacted lists went to partners, informal copies were made).
/// A partner gets counts per borough and tier only, small numbers suppressed, only under a current agreement; the
/// register itself leaves only with its lead, for a stated purpose. Every export, made or refused, is recorded (and
/// so audited with the actor) with its recipient and purpose, which the file also carries as a watermark; a file made is
/// also in the platform's audit trail as an export, where the audit page lists every download.
/// </summary>
public sealed class SharingCommands(GangsDbContext db, GangsSettings settings, IRefusalLog refusals, IExportLog exports, TimeProvider clock)
{
    public async Task<IReadOnlyList<SharingAgreement>> AgreementsAsync(Actor actor, CancellationToken cancellationToken)
    {
        await GangsAccess.EnsureAsync(actor, GangsAccess.ManageRegister, refusals, cancellationToken);
        return await db.Agreements.AsNoTracking().OrderByDescending(a => a.ExpiresOn).ThenBy(a => a.Partner).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ExportRecord>> ExportsAsync(Actor actor, CancellationToken cancellationToken)
    {
        await GangsAccess.EnsureAsync(actor, GangsAccess.ManageRegister, refusals, cancellationToken);
        return await db.Exports.AsNoTracking().OrderByDescending(x => x.ExportedAt).Take(50).ToListAsync(cancellationToken);
    }

    /// <summary>Records a new agreement (<paramref name="id"/> null) or changes one at the version the lead read.</summary>
    public async Task<GangsResult<SharingAgreement>> RecordAgreementAsync(Actor actor, AgreementForm form, Guid? id, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await GangsAccess.EnsureAsync(actor, GangsAccess.ManageAgreements, refusals, cancellationToken);
        var errors = form.Validate(out var input);
        if (input is null)
        {
            return GangsResult.Invalid<SharingAgreement>(errors);
        }

        var now = clock.GetUtcNow();
        db.ActingAs = actor;
        SharingAgreement agreement;
        if (id is null)
        {
            agreement = input;
            agreement.Id = Guid.CreateVersion7(now);
            agreement.Version = 1;
            agreement.CreatedAt = now;
            agreement.CreatedBy = actor.DisplayName;
            db.Agreements.Add(agreement);
        }
        else
        {
            var current = await db.Agreements.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (current is null)
            {
                return GangsResult.Invalid<SharingAgreement>("Agreement", "There is no such agreement.");
            }

            if (current.Version != expectedVersion)
            {
                return GangsResult.Conflicted<SharingAgreement>($"{current.UpdatedBy} changed the agreement with {current.Partner} at {current.UpdatedAt:HH:mm} UTC (version {current.Version}); your change was not saved. Reload it and make your change again.");
            }

            db.Entry(current).Property(a => a.Version).OriginalValue = current.Version;
            current.Partner = input.Partner;
            current.Purpose = input.Purpose;
            current.LegalBasis = input.LegalBasis;
            current.StartsOn = input.StartsOn;
            current.ExpiresOn = input.ExpiresOn;
            current.Version++;
            agreement = current;
        }

        agreement.UpdatedAt = now;
        agreement.UpdatedBy = actor.DisplayName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return GangsResult.Conflicted<SharingAgreement>("Someone else changed the agreement at the same moment; your change was not saved. Reload it and make your change again.");
        }

        return GangsResult.Ok<SharingAgreement>(agreement);
    }

    /// <summary>Counts per borough and tier for a partner, under a current agreement; below the threshold a count shows as "fewer than N".</summary>
    public async Task<GangsResult<GangsExport>> PartnerExportAsync(Actor actor, ExportForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await GangsAccess.EnsureAsync(actor, GangsAccess.ManageRegister, refusals, cancellationToken);
        var errors = form.Validate(needsAgreement: true, out var input);
        if (input is not { } parsed)
        {
            return GangsResult.Invalid<GangsExport>(errors);
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.ActingAs = actor;
        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == parsed.Agreement, cancellationToken);
        if (agreement is null || !agreement.IsCurrentOn(today))
        {
            var because = agreement is null
                ? "there is no information-sharing agreement with that reference"
                : $"the agreement with {agreement.Partner} runs {agreement.StartsOn:yyyy-MM-dd} to {agreement.ExpiresOn:yyyy-MM-dd} and is not current";
            // The refused attempt is itself recorded (and audited): nothing left the platform.
            db.Exports.Add(Record(ExportRecord.PartnerAggregate, agreement?.Id, agreement?.Partner ?? "(no agreement)", parsed.Purpose, because, 0, 0, actor, now));
            await db.SaveChangesAsync(cancellationToken);
            return GangsResult.Invalid<GangsExport>(nameof(ExportForm.AgreementId), $"Refused: {because}. A partner receives figures only under a current agreement.");
        }

        var picture = await GangsQueries.PictureForAsync(db, clock, cancellationToken);
        var threshold = settings.SuppressionThreshold;
        var marking = ProtectiveMarking.OfficialSensitive;
        var watermark = $"Prepared for {agreement.Partner} under the information-sharing agreement of {agreement.StartsOn:d MMMM yyyy} ({agreement.LegalBasis}; expires {agreement.ExpiresOn:d MMMM yyyy}). Purpose: {parsed.Purpose}. Exported by {actor.DisplayName}. Not to be shared further.";
        var sb = new StringBuilder();
        MarkedCsv.Begin(sb, marking, "Criminal networks by borough and harm tier (aggregate counts only)", now);
        CsvText.Row(sb, watermark);
        CsvText.Row(sb, "Borough", "GSS code", "Tier 1", "Tier 2", "Tier 3", "Tier 4");
        var suppressed = 0;
        // Every borough is listed, so that the rows themselves do not say where networks are.
        foreach (var (code, name) in Geographies.Boroughs.OrderBy(b => b.Value, StringComparer.Ordinal))
        {
            var cells = new List<string> { name, code };
            for (var tier = 1; tier <= 4; tier++)
            {
                var count = picture.ByBoroughAndTier.GetValueOrDefault((code, tier));
                if (count < threshold)
                {
                    suppressed++;
                    cells.Add($"fewer than {threshold}");
                }
                else
                {
                    cells.Add(count.ToString(CultureInfo.InvariantCulture));
                }
            }

            CsvText.Row(sb, cells);
        }

        CsvText.Row(sb, $"Counts below {threshold} are shown as \"fewer than {threshold}\". A network active in several boroughs is counted in each. No individual is recorded on the matrix.");
        CsvText.Row(sb, watermark);
        MarkedCsv.End(sb, marking);
        var record = Record(ExportRecord.PartnerAggregate, agreement.Id, agreement.Partner, parsed.Purpose, null, Geographies.Boroughs.Count, suppressed, actor, now);
        db.Exports.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await exports.RecordExportAsync(
            actor, $"the criminal networks aggregate for {agreement.Partner} under agreement {agreement.Id} (CSV, {Geographies.Boroughs.Count} boroughs by tier, {suppressed} cells suppressed)",
            GangsCriminalNetworksStrand.ExportsPath, GangsCriminalNetworksStrand.Strand.Id, marking, cancellationToken);
        return GangsResult.Ok<GangsExport>(new GangsExport($"criminal-networks-{Slug(agreement.Partner)}-{today:yyyy-MM-dd}.csv", sb.ToString(), record));
    }

    /// <summary>The register itself, for its lead only, OFFICIAL-SENSITIVE, with the purpose recorded and watermarked. The notes never leave.</summary>
    public async Task<GangsResult<GangsExport>> RegisterExportAsync(Actor actor, ExportForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        await GangsAccess.EnsureAsync(actor, GangsAccess.ExportRegister, refusals, cancellationToken);
        var errors = form.Validate(needsAgreement: false, out var input);
        if (input is not { } parsed)
        {
            return GangsResult.Invalid<GangsExport>(errors);
        }

        var now = clock.GetUtcNow();
        db.ActingAs = actor;
        var networks = await db.Networks.AsNoTracking().OrderBy(n => n.Reference).ToListAsync(cancellationToken);
        var marking = ProtectiveMarking.OfficialSensitive;
        var watermark = $"Register export by {actor.DisplayName} for: {parsed.Purpose}. Recorded in the audit trail; do not copy or forward. Delete when the purpose is met.";
        var sb = new StringBuilder();
        MarkedCsv.Begin(sb, marking, "Criminal Networks Prioritisation Matrix: the register", now);
        CsvText.Row(sb, watermark);
        CsvText.Row(sb, "Reference", "Type", "Boroughs", "Lead unit", "Status", "Harm tier", "Harm total", "Assessed on", "Review due");
        foreach (var n in networks)
        {
            CsvText.Row(sb, n.Reference, HarmMatrix.Text(n.NetworkType), string.Join("; ", n.Boroughs.Select(HarmMatrix.BoroughName)), n.LeadUnit, HarmMatrix.Text(n.Status),
                n.CurrentTier.ToString(CultureInfo.InvariantCulture), n.CurrentTotal.ToString(CultureInfo.InvariantCulture), n.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                n.ReviewDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        CsvText.Row(sb, watermark);
        MarkedCsv.End(sb, marking);
        var record = Record(ExportRecord.Register, null, actor.DisplayName, parsed.Purpose, null, networks.Count, 0, actor, now);
        db.Exports.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await exports.RecordExportAsync(
            actor, $"the criminal networks register (CSV, {networks.Count} networks, notes left out)", GangsCriminalNetworksStrand.RegisterPath,
            GangsCriminalNetworksStrand.Strand.Id, marking, cancellationToken);
        return GangsResult.Ok<GangsExport>(new GangsExport($"criminal-networks-register-{now:yyyy-MM-dd}.csv", sb.ToString(), record));
    }

    private static ExportRecord Record(string kind, Guid? agreement, string recipient, string purpose, string? refused, int rows, int suppressed, Actor actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Kind = kind, AgreementId = agreement, Recipient = recipient, Purpose = purpose, RefusedBecause = refused,
        Rows = rows, Suppressed = suppressed, Marking = ProtectiveMarking.OfficialSensitive, ExportedAt = now, ExportedBy = actor.DisplayName,
    };

    private static string Slug(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-') is { Length: > 0 } s ? s[..Math.Min(40, s.Length)] : "partner";
}
