using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Plugins;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Networks;

/// <summary>
/// What the strand tells Performance and the Board after a change, in the same SaveChanges as the change: the
/// observations of the measures it owns (recomputed for the periods the change touched, from networks still on the
/// matrix, so a removed network leaves every measure) and its highlight. Callers hold the strand's write lock.
/// </summary>
public sealed class GangsPublisher(GangsDbContext db)
{
    public const string NetworksDisrupted = "criminal-networks-disrupted";

    public const string Disruptions = "criminal-network-disruptions";

    public const string MajorDisruptions = "criminal-network-major-disruptions";

    public const string FirearmsSeized = "criminal-network-firearms-seized";

    public const string HarmReduction = "criminal-network-harm-reduction";

    public const string HighlightKey = "criminal-networks-matrix";

    /// <summary>The strategy's baseline: networks disrupted in 2006/7.</summary>
    public const int Baseline = 172;

    /// <summary>One writer at a time: revisions must never be given twice to different values.</summary>
    public static Task LockAsync(GangsDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('strand_gangs_criminal_networks.publications'))", cancellationToken);

    /// <summary>
    /// Enqueues the observations for the months and financial years <paramref name="touched"/> (dates the change
    /// concerned) and the highlight; nothing is saved here.
    /// </summary>
    public async Task EnqueueAsync(IEnumerable<DateOnly> touched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.SingleAsync(cancellationToken);
        publication.Revision++;
        var revision = checked((int)publication.Revision);
        var months = touched.Select(MonthOf).Distinct().Order().ToList();
        var years = touched.Select(FinancialYearOf).Distinct().Order().ToList();

        // Only networks on the matrix count: the query filter leaves out those a lead removed.
        var onMatrix = await db.Networks.AsNoTracking().Select(n => n.Id).ToListAsync(cancellationToken);
        var ids = onMatrix.ToHashSet();
        foreach (var entry in db.ChangeTracker.Entries<CriminalNetwork>())
        {
            if (entry.Entity.RemovedAt is null)
            {
                ids.Add(entry.Entity.Id);
            }
            else
            {
                ids.Remove(entry.Entity.Id);
            }
        }

        var disruptions = (await db.Disruptions.AsNoTracking().ToListAsync(cancellationToken)).Where(d => ids.Contains(d.NetworkId)).ToList();
        // Added in this unit of work but not yet saved: they count too.
        disruptions.AddRange(db.ChangeTracker.Entries<Disruption>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Where(d => ids.Contains(d.NetworkId)));
        var assessments = (await db.Assessments.AsNoTracking().ToListAsync(cancellationToken)).Where(a => ids.Contains(a.NetworkId)).ToList();
        assessments.AddRange(db.ChangeTracker.Entries<HarmAssessment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Where(a => ids.Contains(a.NetworkId)));

        if (months.Count > 0)
        {
            db.Enqueue(Monthly(Disruptions, months, m => disruptions.Count(d => MonthOf(d.OccurredOn) == m), revision, now), now);
            db.Enqueue(Monthly(MajorDisruptions, months, m => disruptions.Count(d => MonthOf(d.OccurredOn) == m && d.Impact == DisruptionImpact.Major), revision, now), now);
            db.Enqueue(Monthly(FirearmsSeized, months, m => disruptions.Where(d => MonthOf(d.OccurredOn) == m).Sum(d => d.Firearms), revision, now), now);
            var reductions = Reductions(assessments, disruptions);
            db.Enqueue(Monthly(HarmReduction, months, m => reductions.Where(r => MonthOf(r.On) == m).Sum(r => r.Points), revision, now), now);
            db.Enqueue(new MeasureObservationsRecorded
            {
                MeasureCode = NetworksDisrupted, StrandIds = [GangsCriminalNetworksStrand.Strand.Id], Geography = Geographies.London, OccurredAt = now,
                Observations =
                [
                    .. years.Select(y => new RecordedObservation
                    {
                        PeriodStart = y, PeriodKind = "year", Revision = revision,
                        Value = disruptions.Where(d => FinancialYearOf(d.OccurredOn) == y).Select(d => d.NetworkId).Distinct().Count(),
                    }),
                ],
            }, now);
        }

        db.Enqueue(await HighlightsAsync(revision, now, disruptions, cancellationToken), now);
    }

    /// <summary>The harm reduction each reassessment shows: the previous total less the new, where disruption came between them.</summary>
    public static IReadOnlyList<(Guid NetworkId, DateOnly On, int Points)> Reductions(IEnumerable<HarmAssessment> assessments, IReadOnlyCollection<Disruption> disruptions)
    {
        var result = new List<(Guid, DateOnly, int)>();
        foreach (var history in assessments.GroupBy(a => a.NetworkId))
        {
            var ordered = history.OrderBy(a => a.Revision).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var before = ordered[i - 1];
                var after = ordered[i];
                if (disruptions.Any(d => d.NetworkId == history.Key && d.OccurredOn >= before.AssessedOn && d.OccurredOn <= after.AssessedOn))
                {
                    result.Add((history.Key, after.AssessedOn, before.Total - after.Total));
                }
            }
        }

        return result;
    }

    private async Task<StrandHighlightsPublished> HighlightsAsync(int revision, DateTimeOffset now, IReadOnlyCollection<Disruption> disruptions, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var networks = await db.Networks.AsNoTracking().Where(n => n.Status != NetworkStatus.Archived).ToListAsync(cancellationToken);
        // Changes in this unit of work (a new network, a reassessment) count as they will be saved.
        foreach (var entry in db.ChangeTracker.Entries<CriminalNetwork>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            networks.RemoveAll(n => n.Id == entry.Entity.Id);
            if (entry.Entity.Status != NetworkStatus.Archived && entry.Entity.RemovedAt is null)
            {
                networks.Add(entry.Entity);
            }
        }

        var year = FinancialYearOf(today);
        var disruptedThisYear = disruptions.Where(d => FinancialYearOf(d.OccurredOn) == year).Select(d => d.NetworkId).Distinct().Count();
        var pastReview = networks.Count(n => n.ReviewDue < today);
        var yearText = $"{year.Year}/{(year.Year + 1) % 100:00}";
        return new StrandHighlightsPublished
        {
            StrandId = GangsCriminalNetworksStrand.Strand.Id,
            // The matrix's own highlights: another register of this strand would publish under its own source.
            Source = "networks-matrix",
            Revision = revision,
            OccurredAt = now,
            Highlights =
            [
                new StrandHighlight
                {
                    Key = HighlightKey,
                    Title = "Criminal Networks Prioritisation Matrix",
                    Figures =
                    [
                        new HighlightFigure { Label = "Networks on the matrix", Value = networks.Count.ToString(CultureInfo.InvariantCulture) },
                        new HighlightFigure { Label = "Tier 1 (highest harm)", Value = networks.Count(n => n.CurrentTier == 1).ToString(CultureInfo.InvariantCulture) },
                        new HighlightFigure { Label = $"Networks disrupted {yearText}", Value = $"{disruptedThisYear} (baseline {Baseline})" },
                        new HighlightFigure { Label = "Past their review date", Value = pastReview.ToString(CultureInfo.InvariantCulture) },
                    ],
                    Status = pastReview > 0 ? "concern" : disruptedThisYear > 0 ? "good" : "neutral",
                    Link = GangsCriminalNetworksStrand.PagePath,
                    Marking = "OFFICIAL",
                    // The ICO found networks' entries kept without review: overdue reviews are the Board's business.
                    Agenda = pastReview == 0 ? null
                        : $"{pastReview} criminal network{(pastReview == 1 ? " is" : "s are")} past {(pastReview == 1 ? "its" : "their")} review date on the matrix: review or remove {(pastReview == 1 ? "it" : "them")} before the retention job archives {(pastReview == 1 ? "it" : "them")}.",
                },
            ],
        };
    }

    private static MeasureObservationsRecorded Monthly(string code, IReadOnlyList<DateOnly> months, Func<DateOnly, int> value, int revision, DateTimeOffset now) => new()
    {
        MeasureCode = code,
        StrandIds = [GangsCriminalNetworksStrand.Strand.Id],
        Geography = Geographies.London,
        OccurredAt = now,
        Observations = [.. months.Select(m => new RecordedObservation { PeriodStart = m, PeriodKind = "month", Value = value(m), Revision = revision })],
    };

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The financial year (from 1 April) the day falls in, as its first day: how the 172 was counted.</summary>
    public static DateOnly FinancialYearOf(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1, 4, 1);
}
