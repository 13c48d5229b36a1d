using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Contracts;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Platform.Messaging;
using SeriousViolence.Platform.Plugins;
using SeriousViolence.Platform.Strands;
using SeriousViolence.Plugins;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The measures the strand plugins declare, their importers and the observations they publish, as Performance keeps them.</summary>
internal static class StrandMeasures
{
    public const string HomicideModule = "SeriousViolence.Strands.Homicide";

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "imports", name);

    public static async Task<ImportReport> ImportAsync(ImportService imports, string name, string content)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return await imports.ImportAsync(Actor.System, name, stream, null, CancellationToken.None);
    }

    public static async Task<ImportReport> ImportFixtureAsync(TestHost host, string fixture)
    {
        await using var stream = File.OpenRead(Fixture(fixture));
        return await host.Services.GetRequiredService<ImportService>().ImportAsync(Actor.System, fixture, stream, null, CancellationToken.None);
    }

    /// <summary>Every strand of the strategy but the one given: a configuration the strand has left.</summary>
    public static string[] AllBut(string module) => [.. TestHost.StrategyStrands.Where(s => s != module)];
}

public sealed class A_plugin_importer_is_recognised_from_the_header_and_writes_its_strands_measures : HostedTest
{
    [Fact]
    public async Task The_victims_file_is_read_by_the_homicide_plugin_and_its_messages_go_out_for_that_module()
    {
        var report = await StrandMeasures.ImportFixtureAsync(Host, "victims.csv");

        Assert.True(report.Accepted, string.Join("; ", report.Errors));
        Assert.Equal(("homicide-victims", 3), (report.Format, report.RowsRead));
        Assert.Equal(3m, await Db.ScalarAsync<decimal>("SELECT value FROM performance.observations WHERE measure_code = 'homicide-victims' AND geography = 'london' AND period_start = '2008-01-01'"));
        Assert.Equal(66.6667m, await Db.ScalarAsync<decimal>("SELECT value FROM performance.observations WHERE measure_code = 'homicide-solved-rate' AND geography = 'london' AND period_start = '2008-01-01'"));
        Assert.Equal(
            [StrandMeasures.HomicideModule],
            await Db.ColumnAsync("SELECT DISTINCT source_module FROM performance.outbox_messages WHERE message_type = 'SeriousViolence.Contracts.MeasureObservationsRecorded'"));
    }

    [Fact]
    public async Task A_header_no_format_recognises_is_refused_listing_what_the_plugins_importers_expect()
    {
        var report = await StrandMeasures.ImportAsync(Host.Services.GetRequiredService<ImportService>(), "odd.csv", "Colour,Shape\nRed,Square\n");

        Assert.False(report.Accepted);
        var error = Assert.Single(report.Errors);
        Assert.Contains("Not a format this platform reads", error.Reason, StringComparison.Ordinal);
        Assert.Contains("the homicide victims file (Solved_Status, Year, Borough)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_of_the_wrong_width_is_reported_before_the_importer_sees_it()
    {
        var report = await StrandMeasures.ImportAsync(
            Host.Services.GetRequiredService<ImportService>(), "short.csv", "Solved_Status,Borough,Year\nSolved,Lambeth,2008\nSolved,Lambeth\nMaybe,Lambeth,2008\n");

        Assert.False(report.Accepted);
        Assert.Equal(
            [new ImportError(3, "(row)", "Has 2 values where the header has 3 columns."), new ImportError(4, "Solved_Status", "'Maybe' is neither Solved nor Unsolved.")],
            report.Errors);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM performance.observations"));
    }
}

public sealed class A_plugin_importer_reporting_another_strands_measure_rejects_the_whole_file_and_writes_nothing : HostedTest
{
    /// <summary>A test plugin whose importer also reports a measure its strand does not own (Homicide's).</summary>
    private sealed class PoachingStrand : StrandModule
    {
        public override StrandDescriptor Descriptor { get; } = new()
        {
            Id = "poaching-test", Number = 10, Name = "Poaching Test Strand", Operation = "Operation Test", LeadRole = "Test lead",
            Aim = ["To feed another strand's measure."], SuccessMeasures = ["None."],
        };

        public override StrandSeed Seed { get; } = new([]);

        public override void Contribute(IStrandContributions strand)
        {
            ArgumentNullException.ThrowIfNull(strand);
            strand.Measure(new MeasureDeclaration
            {
                Code = "poaching-count", Name = "Poaching count", Description = "A test measure.", Unit = "count", Polarity = "lower-is-better",
                Frequency = "annual", Geographies = ["london"], DataSource = "Tests", Outcomes = [1],
            });
            strand.Importer<PoachingImporter>();
        }
    }

    private sealed class PoachingImporter : IObservationImporter
    {
        public string Format => "poaching";

        public string Expects => "the poaching file (Poached)";

        public bool Recognises(ImportHeader header) => header.Find("POACHED") >= 0;

        public void Read(ImportHeader header, IEnumerable<ImportRow> rows, IImportSink sink)
        {
            foreach (var row in rows)
            {
                sink.Observation("poaching-count", PeriodKind.Year, new DateOnly(2020, 1, 1), Geographies.London, 1);
                sink.Observation("homicide-victims", PeriodKind.Year, new DateOnly(2020, 1, 1), Geographies.London, 99);
            }
        }
    }

    [Fact]
    public async Task The_file_is_rejected_naming_the_measure_and_no_observation_or_message_is_written()
    {
        var registry = PluginRegistry.Collect(new StrandCatalog([new PoachingStrand()]));
        using var services = new ServiceCollection().AddSingleton<PoachingImporter>().BuildServiceProvider();
        var dataSource = Host.Services.GetRequiredService<NpgsqlDataSource>();
        var imports = new ImportService(
            dataSource, TimeProvider.System, Host.Services.GetRequiredService<AuditTrail>(), NullLogger<ImportService>.Instance, new PluginImporters(registry, services));

        var report = await StrandMeasures.ImportAsync(imports, "poached.csv", "Poached\nyes\nyes\n");

        Assert.False(report.Accepted);
        Assert.Equal("poaching", report.Format);
        var error = Assert.Single(report.Errors);
        Assert.Contains("'homicide-victims'", error.Reason, StringComparison.Ordinal);
        Assert.Contains("an importer may feed only its own strand's measures", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM performance.observations"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM performance.outbox_messages WHERE message_type = 'SeriousViolence.Contracts.MeasureObservationsRecorded'"));
        Assert.Equal("rejected", await Db.ScalarAsync<string>($"SELECT status FROM performance.import_batches WHERE id = '{report.BatchId}'"));
    }
}

public sealed class Measures_are_seeded_with_their_owner_from_the_plugin_declarations
{
    [Fact]
    public async Task Each_measure_names_the_strand_and_module_that_declare_it_and_is_announced_for_that_module()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        // As many as the plugins declare (the strands' returns and registers brought the strategy's measures to 49).
        var declared = host.Services.GetRequiredService<SeriousViolence.Platform.Plugins.PluginRegistry>().Measures.Count();
        Assert.Equal(49, declared);
        Assert.Equal((long)declared, await db.ScalarAsync<long>("SELECT count(*) FROM performance.measures WHERE declared"));
        Assert.Equal(
            "homicide|SeriousViolence.Strands.Homicide|{homicide}",
            await db.ScalarAsync<string>("SELECT owner_strand || '|' || owner_module || '|' || strands::text FROM performance.measures WHERE code = 'homicide-victims'"));
        // The first strand listed owns it; the others it also serves.
        Assert.Equal(
            "gbh|SeriousViolence.Strands.GrievousBodilyHarm|{gbh,serious-youth-violence}",
            await db.ScalarAsync<string>("SELECT owner_strand || '|' || owner_module || '|' || strands::text FROM performance.measures WHERE code = 'violence-with-injury'"));
        Assert.Equal(85m, await db.ScalarAsync<decimal>("SELECT target_value FROM performance.measures WHERE code = 'homicide-detection-rate'"));
        Assert.Equal(
            ["MURDER", "HOMICIDE"],
            await db.ColumnAsync("SELECT minor FROM performance.category_mappings WHERE measure_code = 'homicide-offences' ORDER BY minor DESC"));
        Assert.Equal(10L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.category_mappings"));

        using var defined = JsonDocument.Parse(await db.ScalarAsync<string>(
            "SELECT body::text FROM performance.outbox_messages WHERE message_type = 'SeriousViolence.Contracts.MeasureDefined' AND body->>'measureCode' = 'homicide-victims' LIMIT 1"));
        Assert.Equal("homicide", defined.RootElement.GetProperty("ownerStrandId").GetString());
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM performance.outbox_messages m JOIN performance.measures d ON d.code = m.body->>'measureCode' WHERE m.source_module IS DISTINCT FROM d.owner_module"));
    }

    [Fact]
    public async Task A_restart_sets_the_owner_again_and_leaves_the_rest_of_a_stored_definition_alone()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (await TestHost.StartAsync(db.ConnectionString))
        {
        }

        await using (var connection = new NpgsqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var edit = new NpgsqlCommand("UPDATE performance.measures SET name = 'Edited name', owner_strand = NULL, owner_module = NULL WHERE code = 'homicide-victims'", connection);
            await edit.ExecuteNonQueryAsync();
        }

        await using var host = await TestHost.StartAsync(db.ConnectionString);

        Assert.Equal(
            "Edited name|homicide|SeriousViolence.Strands.Homicide|True",
            await db.ScalarAsync<string>("SELECT name || '|' || owner_strand || '|' || owner_module || '|' || (CASE WHEN declared THEN 'True' ELSE 'False' END) FROM performance.measures WHERE code = 'homicide-victims'"));
    }
}

public sealed class A_measure_whose_strand_is_not_configured_is_not_listed_and_cannot_be_recorded
{
    [Fact]
    public async Task Its_history_is_kept_but_it_is_not_listed_announced_imported_or_recorded()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var before = await TestHost.StartAsync(db.ConnectionString))
        {
            Assert.True((await StrandMeasures.ImportFixtureAsync(before, "victims.csv")).Accepted);
        }

        await using var host = await TestHost.StartAsync(db.ConnectionString, StrandMeasures.AllBut(StrandMeasures.HomicideModule));

        Assert.Equal(10L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.measures WHERE NOT declared AND owner_strand = 'homicide'"));
        using (var listed = JsonDocument.Parse(await host.Client.GetStringAsync("api/measures")))
        {
            var codes = listed.RootElement.EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList();
            Assert.Contains("violence-with-injury", codes);
            Assert.DoesNotContain(codes, c => c!.StartsWith("homicide-", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("homicide-detection-rate", await host.Client.GetStringAsync("measures"), StringComparison.Ordinal);
        // The start-up announced the configured strands' measures only.
        var announcedSince = await db.ScalarAsync<long>(
            "SELECT count(*) FROM performance.outbox_messages WHERE message_type = 'SeriousViolence.Contracts.MeasureDefined' AND body->>'measureCode' LIKE 'homicide-%' AND created_at > (SELECT max(recorded_at) FROM performance.observations)");
        Assert.Equal(0L, announcedSince);

        var post = await host.Client.PostAsJsonAsync("api/measures/homicide-detection-rate/observations", new[] { new ObservationInput("2024/25 Q1", "london", 80, 8, 10) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, post.StatusCode);
        using (var refused = JsonDocument.Parse(await post.Content.ReadAsStringAsync()))
        {
            Assert.Contains("the strand 'homicide', which is not configured", refused.RootElement.GetProperty("errors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        var victims = await StrandMeasures.ImportFixtureAsync(host, "victims.csv");
        Assert.False(victims.Accepted);
        Assert.DoesNotContain("homicide victims file", Assert.Single(victims.Errors).Reason, StringComparison.Ordinal);

        // A borough file still imports what the configured strands own; its homicide categories wait for their strand.
        var borough = await StrandMeasures.ImportFixtureAsync(host, "borough-majortext-boroughname.csv");
        Assert.True(borough.Accepted, string.Join("; ", borough.Errors));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.observations WHERE measure_code = 'homicide-offences'"));

        // Its history is kept and can still be read.
        Assert.Equal(3m, await db.ScalarAsync<decimal>("SELECT value FROM performance.observations WHERE measure_code = 'homicide-victims' AND geography = 'london'"));
        using var history = JsonDocument.Parse(await host.Client.GetStringAsync("api/measures/homicide-victims/observations"));
        Assert.Equal(3m, history.RootElement[0].GetProperty("value").GetDecimal());
        // Its page still opens, with the history, and says why nothing new is recorded.
        var page = await host.Client.GetStringAsync("measures/homicide-victims");
        Assert.Contains("id=\"measure-withdrawn\"", page, StringComparison.Ordinal);
        Assert.Contains("is not configured on this platform", page, StringComparison.Ordinal);
    }
}

public sealed class Observations_a_strand_publishes_are_stored_and_charted_only_from_the_owner_module : HostedTest
{
    private const string Measure = "homicide-partnership-projects";

    private Task PublishAsync(Guid id, string sourceModule, int revision, decimal value) =>
        Host.Services.GetRequiredService<IBus>().Publish(
            new MeasureObservationsRecorded
            {
                MeasureCode = Measure, StrandIds = ["homicide"], Geography = Geographies.London, OccurredAt = DateTimeOffset.UtcNow,
                Observations =
                [
                    new RecordedObservation { PeriodStart = new DateOnly(2024, 4, 1), PeriodKind = "quarter", Value = value, Revision = revision },
                    new RecordedObservation { PeriodStart = new DateOnly(2024, 7, 1), PeriodKind = "quarter", Value = value + 1, Revision = revision },
                ],
            },
            ctx =>
            {
                ctx.MessageId = id;
                ctx.Headers.Set(OutboxDispatcher.SourceModuleHeader, sourceModule);
            });

    private Task<long> WaitProcessedAsync(Guid id) =>
        Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>($"SELECT count(*) FROM performance.processed_messages WHERE message_id = '{id}'"), c => c == 1, $"Performance to take message {id}");

    private Task<List<string>> StoredAsync() =>
        Db.ColumnAsync($"SELECT period_start || '=' || value || ':' || revision || ':' || source FROM performance.observations WHERE measure_code = '{Measure}' ORDER BY period_start");

    [Fact]
    public async Task The_owner_modules_observations_are_stored_revised_and_charted_and_a_redelivery_changes_nothing()
    {
        var first = Guid.NewGuid();
        await PublishAsync(first, StrandMeasures.HomicideModule, 1, 3);
        await WaitProcessedAsync(first);
        Assert.Equal(
            ["2024-04-01=3:1:strand:SeriousViolence.Strands.Homicide", "2024-07-01=4:1:strand:SeriousViolence.Strands.Homicide"],
            await StoredAsync());

        var revised = Guid.NewGuid();
        await PublishAsync(revised, StrandMeasures.HomicideModule, 2, 5);
        await WaitProcessedAsync(revised);
        Assert.Equal(
            ["2024-04-01=5:2:strand:SeriousViolence.Strands.Homicide", "2024-07-01=6:2:strand:SeriousViolence.Strands.Homicide"],
            await StoredAsync());
        Assert.Equal(["3:1", "4:1"], await Db.ColumnAsync($"SELECT value || ':' || revision FROM performance.observation_revisions WHERE measure_code = '{Measure}' ORDER BY period_start"));

        // The first message again is a redelivery, whatever it claims: the inbox has it. A message published after it
        // (from another module, so itself stored nowhere) shows when the consumer has come that far.
        await PublishAsync(first, StrandMeasures.HomicideModule, 3, 100);
        var after = Guid.NewGuid();
        await PublishAsync(after, "SeriousViolence.Strands.Sapphire", 1, 0);
        await WaitProcessedAsync(after);
        Assert.Equal(1L, await Db.ScalarAsync<long>($"SELECT count(*) FROM performance.processed_messages WHERE message_id = '{first}'"));
        Assert.Equal(
            ["2024-04-01=5:2:strand:SeriousViolence.Strands.Homicide", "2024-07-01=6:2:strand:SeriousViolence.Strands.Homicide"],
            await StoredAsync());

        using var chart = JsonDocument.Parse(await Host.Client.GetStringAsync($"api/measures/{Measure}/spc?geography=london"));
        Assert.Equal([5d, 6d], chart.RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Another_modules_observations_of_the_measure_are_not_stored()
    {
        var poached = Guid.NewGuid();
        await PublishAsync(poached, "SeriousViolence.Strands.Sapphire", 1, 7);
        var unnamed = Guid.NewGuid();
        await PublishAsync(unnamed, "performance", 1, 7);
        await WaitProcessedAsync(poached);
        await WaitProcessedAsync(unnamed);

        Assert.Empty(await StoredAsync());
        var chart = await Host.Client.GetAsync($"api/measures/{Measure}/spc?geography=london");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, chart.StatusCode);
        Assert.Contains("has 0 observation(s)", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performances_own_import_messages_change_nothing_when_they_come_back()
    {
        Assert.True((await StrandMeasures.ImportFixtureAsync(Host, "victims.csv")).Accepted);
        var sent = await Db.ScalarAsync<long>("SELECT count(*) FROM performance.outbox_messages WHERE message_type = 'SeriousViolence.Contracts.MeasureObservationsRecorded'");
        await Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>("SELECT count(*) FROM performance.processed_messages WHERE consumer = 'StrandObservationsConsumer'"), c => c == sent, "Performance to take its own messages");

        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM performance.observation_revisions"));
        Assert.Equal(["victims.csv:1"], await Db.ColumnAsync("SELECT DISTINCT source || ':' || revision FROM performance.observations"));
    }
}
