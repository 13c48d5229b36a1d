using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The real MPS open data, imported through the platform, against figures taken from the files themselves.</summary>
public sealed class RealDataImportTests
{
    private static string File(string name) => RealData.File(name);

    private static async Task<ImportReport> ImportAsync(TestHost host, string name)
    {
        await using var stream = System.IO.File.OpenRead(File(name));
        return await host.Services.GetRequiredService<ImportService>().ImportAsync(Actor.System, name, stream, null, CancellationToken.None);
    }

    /// <summary>The London homicide count per calendar year, summed straight from the file's own rows (every borough and pseudo-borough).</summary>
    private static Dictionary<int, int> HomicidesPerYearFromFile(string name)
    {
        var lines = System.IO.File.ReadAllLines(File(name));
        var header = lines[0].Split(',');
        var totals = new Dictionary<int, int>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            if (f[1] != "HOMICIDE")
            {
                continue;
            }

            for (var i = 3; i < header.Length; i++)
            {
                var year = int.Parse(header[i][..4], System.Globalization.CultureInfo.InvariantCulture);
                totals[year] = totals.GetValueOrDefault(year) + int.Parse(f[i], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return totals;
    }

    [RealDataFact]
    public async Task London_homicides_per_calendar_year_computed_through_the_platform_equal_the_files_own_sums()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        const string historical = "MPS Borough Level Crime (Historical) 2010-04 to 2023-11.csv";

        var report = await ImportAsync(host, historical);

        Assert.True(report.Accepted, string.Join("; ", report.Errors.Take(5)));
        var expected = HomicidesPerYearFromFile(historical);
        var actual = (await db.ColumnAsync(
                "SELECT y || ':' || s FROM (SELECT extract(year FROM period_start)::int AS y, sum(value)::int AS s FROM performance.observations WHERE measure_code = 'homicide-offences' AND geography = 'london' GROUP BY 1) t ORDER BY y"))
            .Select(r => r.Split(':')).ToDictionary(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, actual);
        Assert.Equal(153, actual[2019]);
        Assert.Equal(112, actual[2022]);
        // 63 homicides sit under "Unknown" or the airports: in London's total, in no borough.
        Assert.Equal(63L, await db.ScalarAsync<long>(
            "SELECT ((SELECT sum(value) FROM performance.observations WHERE measure_code = 'homicide-offences' AND geography = 'london') - (SELECT sum(value) FROM performance.observations WHERE measure_code = 'homicide-offences' AND geography LIKE 'E09%'))::bigint"));
    }

    [RealDataFact]
    public async Task The_homicide_solved_rate_for_2008_from_the_victims_file_is_91_percent()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        var report = await ImportAsync(host, "MPS Homicide Victims 2003-2023.csv");

        Assert.True(report.Accepted, string.Join("; ", report.Errors.Take(5)));
        Assert.Equal(2670, report.RowsRead);
        Assert.Equal(91.0m, Math.Round(await db.ScalarAsync<decimal>(
            "SELECT value FROM performance.observations WHERE measure_code = 'homicide-solved-rate' AND geography = 'london' AND period_start = '2008-01-01'"), 1));
        Assert.Equal("131:144", await db.ScalarAsync<string>(
            "SELECT numerator || ':' || denominator FROM performance.observations WHERE measure_code = 'homicide-solved-rate' AND geography = 'london' AND period_start = '2008-01-01'"));
    }

    [RealDataFact]
    public async Task Londons_domestic_abuse_homicides_per_year_from_the_victims_file_equal_the_files_own_counts_and_serve_the_domestic_violence_strand()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        var report = await ImportAsync(host, "MPS Homicide Victims 2003-2023.csv");

        Assert.True(report.Accepted, string.Join("; ", report.Errors.Take(5)));
        // Counted from the file itself: the Domestic_Abuse field, and the year as the last but one field.
        var row = new System.Text.RegularExpressions.Regex(",(?<year>\\d{4}),\"[^\"]*\"$");
        var expected = System.IO.File.ReadLines(File("MPS Homicide Victims 2003-2023.csv")).Skip(1)
            .GroupBy(l => row.Match(l).Groups["year"].Value)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + ":" + g.Count(l => l.Contains(",\"Domestic Abuse\",", StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(21, expected.Count);
        Assert.Equal(expected, await db.ColumnAsync(
            "SELECT extract(year FROM period_start) || ':' || value::int FROM performance.observations WHERE measure_code = 'domestic-abuse-homicide-victims' ORDER BY period_start"));
        Assert.Equal(["london"], await db.ColumnAsync("SELECT DISTINCT geography FROM performance.observations WHERE measure_code = 'domestic-abuse-homicide-victims'"));

        // The Domestic Violence and Hate Crime strand reads the measure as the Homicide strand publishes it.
        Assert.Equal(["homicide|{homicide,dv-hate-crime}"], await db.ColumnAsync("SELECT owner_strand || '|' || strands::text FROM performance.measures WHERE code = 'domestic-abuse-homicide-victims'"));
        var board = await Eventually.WaitForAsync(
            () => db.ColumnAsync("SELECT value::int::text FROM board.measure_observations WHERE measure_code = 'domestic-abuse-homicide-victims' AND period_start = '2008-01-01'"),
            rows => rows.Count == 1, "the 2008 figure on the Board");
        Assert.Equal(expected.Single(e => e.StartsWith("2008:", StringComparison.Ordinal))[5..], board[0]);
        Assert.Contains("Domestic abuse homicide victims", await host.Client.GetStringAsync("board/strands/dv-hate-crime"), StringComparison.Ordinal);
    }

    [RealDataFact]
    public async Task Every_real_file_is_recognised_and_accepted_and_overlapping_releases_revise_rather_than_duplicate()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        var reports = new List<ImportReport>();
        foreach (var name in Directory.GetFiles(Path.Combine(RepositoryPaths.Shared!, "data", "mps"), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            reports.Add(await ImportAsync(host, name!));
        }

        Assert.All(reports, r => Assert.True(r.Accepted, $"{r.FileName}: {string.Join("; ", r.Errors.Take(3))}"));
        Assert.Contains(reports.Single(r => r.Format == "knife-crime-dashboard").Notes, n => n.Contains("Non MET police force", StringComparison.Ordinal));
        Assert.Equal(
            ["homicide-victims", "knife-crime-dashboard", "recorded-crime-borough", "recorded-crime-borough", "recorded-crime-borough", "recorded-crime-ward"],
            reports.Select(r => r.Format!).Order(StringComparer.Ordinal));
        // One current value per measure, month and place, however many releases covered it.
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT 1 FROM performance.observations GROUP BY measure_code, period_kind, period_start, geography HAVING count(*) > 1) d"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(DISTINCT code) FROM performance.geographies WHERE kind = 'ward'") >= 600);
    }
}

/// <summary>The SPC engine reading the platform's own observations of the real data.</summary>
public sealed class SpcApiTests
{
    [RealDataFact]
    public async Task The_control_chart_of_London_homicides_comes_from_the_imported_data_with_limits_icons_and_a_rebase()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        foreach (var name in new[] { "MPS Borough Level Crime (Historical) 2010-04 to 2023-11.csv", "MPS Borough Level Crime (most recent 24 months) 2023-12 to 2025-11.csv" })
        {
            await using var stream = File.OpenRead(Path.Combine(RepositoryPaths.Shared!, "data", "mps", name));
            Assert.True((await host.Services.GetRequiredService<ImportService>().ImportAsync(Actor.System, name, stream, null, CancellationToken.None)).Accepted);
        }

        using var json = System.Text.Json.JsonDocument.Parse(await host.Client.GetStringAsync("api/measures/homicide-offences/spc?geography=london&rebase=2024-03"));
        var root = json.RootElement;
        var points = root.GetProperty("points").EnumerateArray().ToList();

        Assert.Equal(188, points.Count); // April 2010 to November 2025
        Assert.Equal("2010-04", points[0].GetProperty("period").GetString());
        Assert.Equal("lower-is-better", root.GetProperty("polarity").GetString());
        Assert.Equal(0, points[0].GetProperty("segment").GetInt32());
        Assert.Equal(1, points.Single(p => p.GetProperty("period").GetString() == "2024-03").GetProperty("segment").GetInt32());
        var first = points[0];
        Assert.True(first.GetProperty("upperProcessLimit").GetDouble() > first.GetProperty("mean").GetDouble());
        Assert.Equal(
            first.GetProperty("mean").GetDouble() + (2.0 / 3.0) * (first.GetProperty("upperProcessLimit").GetDouble() - first.GetProperty("mean").GetDouble()),
            first.GetProperty("upperNearLimit").GetDouble(), 6);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("variationIcon").GetString()));
        Assert.Equal("None", root.GetProperty("assuranceIcon").GetString()); // no target for this measure
        var bad = await host.Client.GetAsync("api/measures/homicide-offences/spc?geography=london&rebase=1999-01");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
