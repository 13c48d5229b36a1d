using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SeriousViolence.Plugins;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans.Model;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Plugins;
using SeriousViolence.Platform.Startup;
using SeriousViolence.Platform.Strands;

namespace SeriousViolence.Plans.Seeding;

/// <summary>
/// Puts the strategy into the platform: the strategy-wide content (aim, key outcomes, themes, enablers, partners,
/// operations register, priority borough sets) and each configured strand's objectives. Versioned per scope in
/// <c>plans.seed_versions</c>: a version is applied once; a later version only adds items whose keys are new, so it
/// never touches what leads have edited. Every seeded objective is announced to the Board through the outbox.
/// </summary>
public sealed class PlansSeeder(PlansDbContext db, StrandCatalog catalog, PluginRegistry plugins, TimeProvider clock, ILogger<PlansSeeder> logger) : IStartupTask
{
    public const string StrategyScope = "strategy";

    // Serialises seeding across host instances: "SVSEED".
    private const long AdvisoryLockKey = 0x5356_5345_4544;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        db.ActingAs = Actor.System;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        var now = clock.GetUtcNow();
        var applied = (await db.SeedVersions.AsNoTracking().ToListAsync(cancellationToken))
            .Select(v => (v.Scope, v.Version)).ToHashSet();

        if (!applied.Contains((StrategyScope, StrategySeed.Version)))
        {
            var added = StrategySeed.Load().AddTo(db, now);
            db.SeedVersions.Add(new SeedVersion { Scope = StrategyScope, Version = StrategySeed.Version, AppliedAt = now, ItemsAdded = added });
            logger.LogInformation("Seeded the strategy's content, version {Version}: {Items} items", StrategySeed.Version, added);
        }

        var existingKeys = (await db.Objectives.AsNoTracking().Where(o => o.SeedKey != null).Select(o => o.SeedKey!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var module in catalog.Modules)
        {
            var strandId = module.Descriptor.Id;
            foreach (var version in module.Seed.Versions.Where(v => !applied.Contains((strandId, v.Version))))
            {
                if (!string.Equals(version.Strand, strandId, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"Seed version {version.Version} of strand '{strandId}' says it belongs to '{version.Strand}'.");
                }

                var added = 0;
                foreach (var seed in version.Objectives.Where(o => existingKeys.Add(o.Key)))
                {
                    var objective = NewObjective(strandId, seed, now);
                    db.Objectives.Add(objective);
                    db.ObjectiveHistory.Add(new ObjectiveHistory
                    {
                        ObjectiveId = objective.Id, Revision = objective.Revision, Snapshot = ObjectiveState.Of(objective).ToJson(),
                        ChangedBy = Actor.System.DisplayName, ChangedAt = now,
                    });
                    db.Enqueue(objective.ToMessage(now), now, plugins.ModuleFor(strandId));
                    added++;
                }

                db.SeedVersions.Add(new SeedVersion { Scope = strandId, Version = version.Version, AppliedAt = now, ItemsAdded = added });
                logger.LogInformation("Seeded {Count} objectives for strand {Strand} (seed version {Version})", added, strandId, version.Version);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Objective NewObjective(string strandId, SeedObjective seed, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StrandId = strandId,
        SeedKey = seed.Key,
        Ripe = StrategyVocabulary.ParseRipe(seed.Ripe),
        Years = StrategyVocabulary.ParseYears(seed.Years),
        Text = seed.Text,
        Context = seed.Context,
        YearAsWritten = seed.YearAsWritten,
        Themes = ThemeInference.For(seed.Text),
        TargetValue = seed.Target?.Value,
        TargetUnit = seed.Target?.Unit,
        TargetText = seed.Target?.Text,
        Status = ObjectiveStatus.NotStarted,
        PercentComplete = 0,
        SourceLine = seed.SourceLine,
        Revision = 1,
        CreatedAt = now,
        UpdatedAt = now,
        UpdatedBy = Actor.System.DisplayName,
    };
}

/// <summary>The strategy-wide seed (Seed/strategy.v1.json and Seed/operations.v1.json, read from seeds/000-004).</summary>
internal sealed class StrategySeed
{
    public const int Version = 1;

    private readonly JsonElement _strategy;
    private readonly JsonElement _operations;

    private StrategySeed(JsonElement strategy, JsonElement operations)
    {
        _strategy = strategy;
        _operations = operations;
    }

    public static StrategySeed Load()
    {
        var assembly = typeof(StrategySeed).Assembly;
        return new StrategySeed(Read("strategy.v1.json"), Read("operations.v1.json"));

        JsonElement Read(string file)
        {
            using var stream = assembly.GetManifestResourceStream($"SeriousViolence.Plans.Seed.{file}")
                ?? throw new InvalidDataException($"Seed file {file} is not embedded in SeriousViolence.Plans.");
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.Clone();
        }
    }

    /// <summary>Adds everything to the context; returns how many items.</summary>
    public int AddTo(PlansDbContext db, DateTimeOffset now)
    {
        var s = _strategy;
        var governance = s.GetProperty("governance").GetProperty("board");
        db.Strategy.Add(new StrategyRecord
        {
            Aim = s.GetProperty("aim").GetProperty("text").GetString()!,
            Board = governance.GetProperty("name").GetString()!,
            BoardChairs = [.. governance.GetProperty("chairs").EnumerateArray().Select(c => c.GetProperty("text").GetString()!)],
            BoardMeets = Text(governance, "meetingFrequency") ?? "monthly",
            VictimsCode = s.TryGetProperty("victimsCode", out var code) && code.ValueKind == JsonValueKind.Object ? code.GetProperty("text").GetString() : null,
        });
        var count = 1;
        foreach (var outcome in s.GetProperty("keyOutcomes").EnumerateArray())
        {
            db.KeyOutcomes.Add(new KeyOutcome { Number = outcome.GetProperty("number").GetInt32(), Text = outcome.GetProperty("text").GetString()! });
            count++;
        }

        foreach (var theme in s.GetProperty("themes").EnumerateArray())
        {
            db.Themes.Add(new Theme
            {
                Code = theme.GetProperty("code").GetString()!, Name = theme.GetProperty("name").GetString()!,
                Kind = theme.GetProperty("kind").GetString()!, Description = theme.GetProperty("description").GetString()!,
            });
            count++;
        }

        foreach (var enabler in s.GetProperty("enablers").EnumerateArray())
        {
            db.Enablers.Add(new Enabler { Number = enabler.GetProperty("number").GetInt32(), Text = enabler.GetProperty("text").GetString()! });
            count++;
        }

        foreach (var partner in s.GetProperty("partners").EnumerateArray())
        {
            db.Partners.Add(new Partner
            {
                Position = partner.GetProperty("order").GetInt32(),
                Name = partner.GetProperty("name").GetString()!,
                FullName = partner.TryGetProperty("expansionElsewhere", out var e) && e.ValueKind == JsonValueKind.Object ? e.GetProperty("text").GetString()
                    : partner.TryGetProperty("glossary", out var g) && g.ValueKind == JsonValueKind.Object ? Text(g, "expansion") ?? Text(g, "text") : null,
            });
            count++;
        }

        foreach (var op in _operations.GetProperty("operations").EnumerateArray())
        {
            db.Operations.Add(new Operation
            {
                Code = op.GetProperty("code").GetString()!,
                Name = op.GetProperty("name").GetString()!,
                Kind = op.GetProperty("kind").GetString()!,
                Description = op.GetProperty("description").GetString()!,
                Strands = Strings(op, "strands", "strand"),
                Boroughs = Strings(op, "boroughs", null),
                Wards = Strings(op, "wards", "asWritten"),
                Partners = Strings(op, "partners", null),
                StartDate = Text(op, "startDate"),
                EndDate = Text(op, "endDate"),
                Phases = Raw(op, "phases"),
                Results = Raw(op, "results"),
                Sources = Raw(op, "descriptionSources"),
                Revision = 1,
                UpdatedAt = now,
                UpdatedBy = Actor.System.DisplayName,
            });
            count++;
        }

        foreach (var set in _operations.GetProperty("boroughSets").EnumerateArray())
        {
            db.BoroughSets.Add(new BoroughSet
            {
                Code = set.GetProperty("code").GetString()!,
                Name = set.GetProperty("name").GetString()!,
                Description = set.GetProperty("description") is { ValueKind: JsonValueKind.Object } d ? d.GetProperty("text").GetString()! : set.GetProperty("description").ToString(),
                StatedCount = set.TryGetProperty("statedCount", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null,
                Boroughs = Strings(set, "boroughs", null),
            });
            count++;
        }

        return count;
    }

    /// <summary>A string, or the "text" of an object written as {text, file, line}; null when absent.</summary>
    private static string? Text(JsonElement e, string property) =>
        !e.TryGetProperty(property, out var v) ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : v.ValueKind == JsonValueKind.Object && v.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
        : null;

    private static List<string> Strings(JsonElement e, string property, string? field) =>
        !e.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array ? []
        : [.. array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()!
            : field is not null && item.TryGetProperty(field, out var f) ? f.GetString()! : item.ToString())];

    private static string Raw(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Array ? v.GetRawText() : "[]";
}
