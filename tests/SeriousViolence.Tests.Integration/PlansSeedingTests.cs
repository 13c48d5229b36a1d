using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Plans;
using SeriousViolence.Plans.Features;
using SeriousViolence.Plans.Seeding;
using SeriousViolence.Platform.Persistence;
using SeriousViolence.Platform.Strands;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The strategy's action-plan table, seeded into the platform.</summary>
public sealed class PlansSeedingTests
{
    /// <summary>
    /// Objectives per strand and RIPE category in the strategy's action-plan table (seeds/003, lines 434-519), derived
    /// from the document twice: by reading each bullet under its italic RIPE heading, and by counting the bullet
    /// characters in each strand's Objectives cells (the differences are explained in
    /// src/SeriousViolence.Plans/Seed/objective-counts.md). An objective under a combined heading ("Reassurance and
    /// Prevention" in Sapphire; "Reassurance Prevention Enforcement" in GBH) counts under each category.
    /// </summary>
    private static readonly Dictionary<string, (int Total, int R, int I, int P, int E)> Expected = new()
    {
        ["jigsaw"] = (9, 2, 2, 3, 2),
        ["sapphire"] = (25, 5, 2, 5, 18),
        ["dv-hate-crime"] = (43, 9, 11, 8, 15),
        ["serious-youth-violence"] = (21, 5, 7, 3, 6),
        ["gangs-criminal-networks"] = (18, 3, 6, 5, 4),
        ["homicide"] = (19, 3, 7, 5, 4),
        ["gbh"] = (15, 3, 4, 3, 11),
        ["child-abuse"] = (13, 1, 2, 2, 8),
    };

    [Fact]
    public async Task Every_objective_of_the_action_plan_table_is_seeded_under_its_strand_and_RIPE_categories()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        Assert.Equal(163L, await db.ScalarAsync<long>("SELECT count(*) FROM plans.objectives"));
        foreach (var (strand, e) in Expected)
        {
            async Task<long> Count(int flag) => await db.ScalarAsync<long>($"SELECT count(*) FROM plans.objectives WHERE strand_id = '{strand}' AND ripe & {flag} <> 0");
            Assert.Equal(e.Total, await db.ScalarAsync<long>($"SELECT count(*) FROM plans.objectives WHERE strand_id = '{strand}'"));
            Assert.Equal((e.R, e.I, e.P, e.E), ((int)await Count(1), (int)await Count(2), (int)await Count(4), (int)await Count(8)));
        }
    }

    [Fact]
    public async Task Objectives_keep_the_strategys_words_years_and_targets()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        Assert.Equal(
            "To improve information / intelligence sharing between SCD5, Jigsaw and PPU's.",
            await db.ScalarAsync<string>("SELECT text FROM plans.objectives WHERE seed_key = 'jigsaw-001'"));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT years FROM plans.objectives WHERE seed_key = 'jigsaw-001'"));
        Assert.Equal(3, await db.ScalarAsync<int>("SELECT years FROM plans.objectives WHERE seed_key = 'jigsaw-002'"));
        Assert.Equal("15%", await db.ScalarAsync<string>("SELECT target_text FROM plans.objectives WHERE text LIKE 'To undertake operational debriefs in 15%'"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM plans.objectives WHERE strand_id = 'homicide' AND target_text = 'Target 100%'"));
        // Sapphire's first five sit under "Reassurance and Prevention".
        Assert.Equal(5L, await db.ScalarAsync<long>("SELECT count(*) FROM plans.objectives WHERE strand_id = 'sapphire' AND ripe = 5"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM plans.objectives WHERE status <> 'NotStarted' OR revision <> 1"));
    }

    [Fact]
    public async Task The_strategys_outcomes_themes_enablers_partners_and_operations_are_seeded()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        Assert.Equal("to reduce serious violence in London", await db.ScalarAsync<string>("SELECT aim FROM plans.strategy"));
        Assert.Equal(7L, await db.ScalarAsync<long>("SELECT count(*) FROM plans.key_outcomes"));
        Assert.Equal("Reduce the incidence of Homicide", await db.ScalarAsync<string>("SELECT text FROM plans.key_outcomes WHERE number = 1"));
        Assert.Equal(["alcohol", "drugs", "guns", "knives", "mental-health"], await db.ColumnAsync("SELECT code FROM plans.themes ORDER BY code"));
        Assert.Equal(10L, await db.ScalarAsync<long>("SELECT count(*) FROM plans.enablers"));
        Assert.Equal(41L, await db.ScalarAsync<long>("SELECT count(*) FROM plans.partners"));
        Assert.Equal(
            ["Brent", "Hackney", "Haringey", "Lambeth", "Southwark"],
            await db.ColumnAsync("SELECT unnest(boroughs) FROM plans.borough_sets WHERE code = 'trident-boroughs' ORDER BY 1"));
        Assert.Equal(12L, await db.ScalarAsync<long>("SELECT cardinality(boroughs)::bigint FROM plans.borough_sets WHERE code = 'operation-blunt-boroughs'"));
        Assert.Equal(5L, await db.ScalarAsync<long>("SELECT jsonb_array_length(phases)::bigint FROM plans.operations WHERE code = 'challenging-wards'"));
        Assert.Equal(8L, await db.ScalarAsync<long>("SELECT cardinality(wards)::bigint FROM plans.operations WHERE code = 'challenging-wards'"));
        var venice = await db.ScalarAsync<string>("SELECT results::text FROM plans.operations WHERE code = 'venice'");
        Assert.Contains("13,193", venice, StringComparison.Ordinal);
        Assert.Contains("8,151", venice, StringComparison.Ordinal);
        foreach (var code in new[] { "trident", "trafalgar", "blunt", "curb", "rhine", "laurel", "quadrant", "alliance", "venice", "five-boroughs", "mats", "ppo", "safer-schools-partnership", "co14-schemes", "ggw-reduction-board", "mappa", "gangs-manual" })
        {
            Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM plans.operations WHERE code = '{code}'"));
        }
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var first = await TestHost.StartAsync(db.ConnectionString))
        {
        }

        var before = await db.ColumnAsync("SELECT id || ':' || revision || ':' || md5(text) FROM plans.objectives ORDER BY id");
        var versions = await db.ColumnAsync("SELECT scope || ':' || version || ':' || applied_at FROM plans.seed_versions ORDER BY 1");
        await using var second = await TestHost.StartAsync(db.ConnectionString);

        Assert.Equal(before, await db.ColumnAsync("SELECT id || ':' || revision || ':' || md5(text) FROM plans.objectives ORDER BY id"));
        Assert.Equal(versions, await db.ColumnAsync("SELECT scope || ':' || version || ':' || applied_at FROM plans.seed_versions ORDER BY 1"));
        Assert.Equal(7L, await db.ScalarAsync<long>("SELECT count(*) FROM plans.key_outcomes"));
    }

    [Fact]
    public async Task A_later_seed_version_adds_new_objectives_without_touching_what_leads_edited()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        await new MigrationRunner(dataSource, [new MigrationSource(PlansDbContext.Schema, typeof(PlansDbContext).Assembly)], NullLogger<MigrationRunner>.Instance)
            .ApplyAsync(CancellationToken.None);
        var options = new DbContextOptionsBuilder<PlansDbContext>().UseNpgsql(dataSource).Options;

        var v1 = new SeedObjective { Key = "versioned-001", Ripe = ["Prevention"], Years = [1], Text = "Original words of the strategy." };
        var v2New = new SeedObjective { Key = "versioned-002", Ripe = ["Enforcement"], Years = [2], Text = "An objective the next seed version adds." };
        var v2Changed = v1 with { Text = "The seed's later wording, which must not replace the lead's edit." };
        await SeedAsync(options, new VersionedStrand([Version(1, v1)]));

        Guid id;
        await using (var plans = new PlansDbContext(options))
        {
            var objective = await plans.Objectives.SingleAsync(o => o.SeedKey == "versioned-001");
            id = objective.Id;
            var form = ObjectiveForm.From(objective);
            form.Text = "The lead's own wording.";
            form.Owner = "DI Example";
            var result = await new ObjectiveCommands(plans, SeriousViolence.Platform.Plugins.PluginRegistry.Collect(new StrandCatalog([new VersionedStrand([])])), TimeProvider.System).UpdateAsync(Actor.ForStrands("lead", "Lead", "versioned"), id, objective.Revision, form, CancellationToken.None);
            Assert.True(result.Succeeded);
        }

        await SeedAsync(options, new VersionedStrand([Version(1, v1), Version(2, v2Changed, v2New)]));
        await SeedAsync(options, new VersionedStrand([Version(1, v1), Version(2, v2Changed, v2New)]));

        Assert.Equal("The lead's own wording.", await db.ScalarAsync<string>($"SELECT text FROM plans.objectives WHERE id = '{id}'"));
        Assert.Equal(2L, await db.ScalarAsync<long>($"SELECT revision FROM plans.objectives WHERE id = '{id}'"));
        Assert.Equal(["versioned-001", "versioned-002"], await db.ColumnAsync("SELECT seed_key FROM plans.objectives ORDER BY seed_key"));
        Assert.Equal(["versioned:1:1", "versioned:2:1"], await db.ColumnAsync("SELECT scope || ':' || version || ':' || items_added FROM plans.seed_versions WHERE scope = 'versioned' ORDER BY version"));
    }

    private static StrandSeedVersion Version(int version, params SeedObjective[] objectives) => new() { Version = version, Strand = "versioned", Objectives = objectives };

    private static async Task SeedAsync(DbContextOptions<PlansDbContext> options, VersionedStrand strand)
    {
        await using var plans = new PlansDbContext(options);
        var catalog = new StrandCatalog([strand]);
        await new PlansSeeder(plans, catalog, SeriousViolence.Platform.Plugins.PluginRegistry.Collect(catalog), TimeProvider.System, NullLogger<PlansSeeder>.Instance).RunAsync(CancellationToken.None);
    }

    private sealed class VersionedStrand(IReadOnlyList<StrandSeedVersion> versions) : Autofac.Module, IStrandModule
    {
        public StrandDescriptor Descriptor { get; } = new()
        {
            Id = "versioned", Number = 1, Name = "Versioned", Operation = "Test", LeadRole = "Test", Aim = ["Test"], SuccessMeasures = ["Test"],
        };

        public StrandSeed Seed { get; } = new(versions);
    }
}
