using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using SeriousViolence.Abstractions;
using SeriousViolence.Performance;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Performance.Spc;
using SeriousViolence.Platform.Persistence;

// Usage: SeriousViolence.Benchmarks <admin connection string> <shared data dir> <results dir> [rounds]
//        SeriousViolence.Benchmarks board <admin connection string> <results dir> [renders] [changes]
if (args.Length >= 3 && args[0] == "board")
{
    return await SeriousViolence.Benchmarks.BoardBenchmark.RunAsync(
        args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30, args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20);
}

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: SeriousViolence.Benchmarks CONNECTION DATA_DIR RESULTS_DIR [ROUNDS]");
    return 2;
}

var admin = args[0];
var dataDir = args[1];
var resultsDir = args[2];
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
Directory.CreateDirectory(resultsDir);
var files = Directory.GetFiles(dataDir, "MPS * Level Crime*.csv").Order(StringComparer.Ordinal).ToList();
if (files.Count == 0)
{
    Console.Error.WriteLine($"No MPS borough or ward files in {dataDir}.");
    return 2;
}

var importRuns = new List<(double Ours, double Raw, int Observations, double ParseSeconds, double OursSeconds)>();
for (var round = 1; round <= rounds; round++)
{
    var name = $"sv_bench_{Guid.NewGuid():N}"[..24];
    await ExecuteAsync(admin, $"CREATE DATABASE {name}");
    try
    {
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(cs);
        await new MigrationRunner(dataSource, [new MigrationSource("platform", typeof(MigrationRunner).Assembly), new MigrationSource("performance", typeof(PerformanceServices).Assembly)], NullLogger<MigrationRunner>.Instance)
            .ApplyAsync(CancellationToken.None);
        // The measures are declared by the strand plugins, as the host loads them.
        var strands = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SeriousViolence.Platform.Strands.StrandCatalog.ConfigurationKey] = "SeriousViolence.Strands.Jigsaw,SeriousViolence.Strands.Sapphire,SeriousViolence.Strands.DomesticViolenceHateCrime,SeriousViolence.Strands.SeriousYouthViolence,SeriousViolence.Strands.GangsCriminalNetworks,SeriousViolence.Strands.Homicide,SeriousViolence.Strands.GrievousBodilyHarm,SeriousViolence.Strands.ChildAbuse" })
            .Build();
        var plugins = SeriousViolence.Platform.Plugins.PluginRegistry.Collect(SeriousViolence.Platform.Strands.StrandCatalog.FromConfiguration(strands));
        await new PerformanceSeeder(dataSource, plugins).RunAsync(CancellationToken.None);
        var service = new ImportService(dataSource, TimeProvider.System, new SeriousViolence.Platform.Audit.AuditTrail(dataSource, TimeProvider.System), NullLogger<ImportService>.Instance);

        // Ours: parse, validate, COPY to staging, merge with revisions, outbox: the whole import, file after file.
        var observations = 0;
        var ours = Stopwatch.StartNew();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var report = await service.ImportAsync(Actor.System, Path.GetFileName(file), stream, null, CancellationToken.None);
            if (!report.Accepted)
            {
                throw new InvalidOperationException($"{file} was rejected: {report.Errors[0]}");
            }

            observations += report.ObservationsWritten + report.ObservationsRevised + report.ObservationsUnchanged;
        }

        ours.Stop();

        // Baseline: the same rows, already parsed, binary-COPYed into a plain table; nothing else.
        var mappings = new List<CategoryMapping>();
        await using (var read = dataSource.CreateCommand("SELECT family, major, minor, measure_code FROM performance.category_mappings"))
        await using (var r = await read.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                mappings.Add(new CategoryMapping(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
            }
        }

        var parseWatch = Stopwatch.StartNew();
        var parsed = files.Select(f =>
        {
            using var reader = new StreamReader(f, Encoding.UTF8);
            return ImportParser.Parse(reader, mappings);
        }).ToList();
        parseWatch.Stop();
        await ExecuteAsync(cs, "CREATE TABLE raw_copy (measure_code text, period_kind text, period_start date, geography text, value numeric, numerator numeric, denominator numeric)");
        var raw = Stopwatch.StartNew();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            foreach (var p in parsed)
            {
                await using var copy = await connection.BeginBinaryImportAsync("COPY raw_copy FROM STDIN (FORMAT BINARY)");
                foreach (var (key, a) in p.Observations)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(key.Measure, NpgsqlDbType.Text);
                    await copy.WriteAsync(key.Kind.ToString(), NpgsqlDbType.Text);
                    await copy.WriteAsync(key.PeriodStart, NpgsqlDbType.Date);
                    await copy.WriteAsync(key.Geography, NpgsqlDbType.Text);
                    await copy.WriteAsync(a.Value, NpgsqlDbType.Numeric);
                    await copy.WriteNullAsync();
                    await copy.WriteNullAsync();
                }

                await copy.CompleteAsync();
            }
        }

        raw.Stop();
        var rawRows = parsed.Sum(p => p.Observations.Count);
        importRuns.Add((observations / ours.Elapsed.TotalSeconds, rawRows / raw.Elapsed.TotalSeconds, observations, parseWatch.Elapsed.TotalSeconds, ours.Elapsed.TotalSeconds));
        Console.WriteLine($"round {round}: ours {observations} observations in {ours.Elapsed.TotalSeconds:F2} s; raw COPY {rawRows} rows in {raw.Elapsed.TotalSeconds:F2} s");
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        // An autovacuum worker visiting the freshly loaded database cannot be ended by a non-superuser: wait for it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == "42501" && attempt < 120)
            {
                await Task.Delay(500);
            }
        }
    }
}

// SPC: every borough x offence-category series of the historical borough file.
var historical = files.First(f => f.Contains("Historical", StringComparison.Ordinal));
var lines = File.ReadAllLines(historical);
var header = lines[0].Split(',');
var series = lines.Skip(1).Select(l => l.Split(','))
    .Select(f => header.Skip(3).Select((h, i) => new SpcPoint(h, double.Parse(f[i + 3], CultureInfo.InvariantCulture))).ToList())
    .ToList();
var spcRuns = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    var watch = Stopwatch.StartNew();
    var flagged = 0;
    foreach (var points in series)
    {
        var result = XmrChart.Analyse(points, new SpcOptions { Polarity = Polarity.LowerIsBetter, RebaseAt = [] });
        flagged += result.Points.Count(p => p.Variation != PointVariation.CommonCause);
    }

    watch.Stop();
    spcRuns.Add(series.Count / watch.Elapsed.TotalSeconds);
    Console.WriteLine($"round {round}: SPC for {series.Count} series of {header.Length - 3} months in {watch.Elapsed.TotalMilliseconds:F0} ms ({flagged} special-cause points)");
}

double Median(IEnumerable<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
}

var oursMedian = Median(importRuns.Select(r => r.Ours));
var rawMedian = Median(importRuns.Select(r => r.Raw));
var results = new
{
    measuredAt = DateTimeOffset.UtcNow,
    machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
    rounds,
    files = files.Select(Path.GetFileName),
    import = new
    {
        observationsPerRound = importRuns[0].Observations, oursObservationsPerSecondMedian = oursMedian, rawCopyRowsPerSecondMedian = rawMedian, ratioToRawCopy = oursMedian / rawMedian,
        parseShareOfImportMedian = Median(importRuns.Select(r => r.ParseSeconds / r.OursSeconds)),
    },
    spc = new { series = series.Count, monthsPerSeries = header.Length - 3, seriesPerSecondMedian = Median(spcRuns) },
};
await File.WriteAllTextAsync(Path.Combine(resultsDir, "results.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
var md = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"# Benchmark results ({results.measuredAt:yyyy-MM-dd HH:mm} UTC, {results.machine}, median of {rounds} rounds)")
    .AppendLine()
    .AppendLine("| what | figure | baseline in the same run | ratio |")
    .AppendLine("|---|---|---|---|")
    .AppendLine(CultureInfo.InvariantCulture, $"| import of every borough and ward file ({importRuns[0].Observations:N0} observations: parse, validate, COPY, merge with revisions, outbox) | {oursMedian:N0} observations/s | raw binary COPY of the same rows: {rawMedian:N0} rows/s | {oursMedian / rawMedian:P1} of raw COPY |")
    .AppendLine(CultureInfo.InvariantCulture, $"| of which reading and validating the CSV (the raw COPY starts from rows already parsed) | {Median(importRuns.Select(r => r.ParseSeconds / r.OursSeconds)):P0} of the import's time | | |")
    .AppendLine(CultureInfo.InvariantCulture, $"| SPC (XmR, all rules, icons) for every borough x offence category series ({series.Count} series x {header.Length - 3} months) | {Median(spcRuns):N0} series/s | none (pure computation) | |");
await File.WriteAllTextAsync(Path.Combine(resultsDir, "results.md"), md.ToString());
Console.WriteLine(md.ToString());
return 0;

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
