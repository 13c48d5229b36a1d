using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The same import over HTTP (for partner systems) and on the command line (for analysts' scripts).</summary>
public sealed class ImportEntryPointTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "imports", name);

    private static MultipartFormDataContent Upload(string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(Fixture(name)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return form;
    }

    [Fact]
    public async Task Posting_a_file_returns_its_report_and_a_bad_file_is_refused_with_the_reasons()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        var ok = await host.Client.PostAsync("api/imports", Upload("victims.csv"));
        var bad = await host.Client.PostAsync("api/imports", Upload("errors.csv"));
        var none = await host.Client.PostAsync("api/imports", new StringContent("not a form"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()))
        {
            var report = json.RootElement[0];
            Assert.True(report.GetProperty("accepted").GetBoolean());
            Assert.Equal("homicide-victims", report.GetProperty("format").GetString());
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        using (var json = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            var first = json.RootElement[0].GetProperty("errors")[0];
            Assert.Equal((2, "202302"), (first.GetProperty("line").GetInt32(), first.GetProperty("column").GetString()));
        }

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        using var measures = JsonDocument.Parse(await host.Client.GetStringAsync("api/measures"));
        Assert.Contains(measures.RootElement.EnumerateArray(), m => m.GetProperty("code").GetString() == "homicide-detection-rate" && m.GetProperty("targetValue").GetDecimal() == 85m);
        using var observations = JsonDocument.Parse(await host.Client.GetStringAsync("api/measures/homicide-solved-rate/observations?geography=E09000022"));
        Assert.Equal("2008", observations.RootElement[0].GetProperty("period").GetString());
        Assert.Equal(50m, observations.RootElement[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task The_command_line_imports_files_and_exits_non_zero_naming_each_error_when_one_is_rejected()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (okExit, okOutput) = await RunAsync(db.ConnectionString, Fixture("victims.csv"));
        var (badExit, badOutput) = await RunAsync(db.ConnectionString, Fixture("ward.csv"), Fixture("errors.csv"));

        Assert.Equal(0, okExit);
        Assert.Contains("victims.csv: accepted as homicide-victims; 3 rows", okOutput, StringComparison.Ordinal);
        Assert.Equal(1, badExit);
        Assert.Contains("ward.csv: accepted as recorded-crime-ward", badOutput, StringComparison.Ordinal);
        Assert.Contains("errors.csv: REJECTED (recorded-crime-borough); 4 error(s); nothing was written", badOutput, StringComparison.Ordinal);
        Assert.Contains("  line 3, BoroughName: 'Atlantis' is not a London borough", badOutput, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string connectionString, params string[] files)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.WebDll);
        start.ArgumentList.Add("import");
        foreach (var f in files)
        {
            start.ArgumentList.Add(f);
        }

        start.Environment["ConnectionStrings__SeriousViolence"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>Partner systems post observations for a measure: all valid, or none recorded.</summary>
public sealed class ObservationSubmissionTests
{
    [Fact]
    public async Task Valid_observations_are_recorded_and_revised_and_an_invalid_batch_records_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

        var ok = await host.Client.PostAsync("api/measures/homicide-detection-rate/observations",
            Json("""[{"period":"2024/25 Q1","geography":"london","value":87.5,"numerator":35,"denominator":40},{"period":"2024/25 Q2","geography":"london","value":80,"numerator":32,"denominator":40}]"""));
        var revised = await host.Client.PostAsync("api/measures/homicide-detection-rate/observations",
            Json("""[{"period":"2024/25 Q2","geography":"london","value":82.5,"numerator":33,"denominator":40}]"""));
        var bad = await host.Client.PostAsync("api/measures/homicide-detection-rate/observations",
            Json("""[{"period":"2024/25 Q3","geography":"london","value":90,"numerator":36,"denominator":40},{"period":"2024-09","geography":"Atlantis","value":120}]"""));
        var unknown = await host.Client.PostAsync("api/measures/knitting/observations", Json("""[{"period":"2024","geography":"london","value":1}]"""));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal("82.5:2", await db.ScalarAsync<string>(
            "SELECT value || ':' || revision FROM performance.observations WHERE measure_code = 'homicide-detection-rate' AND period_start = '2024-07-01'"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("line").GetInt32()}:{e.GetProperty("column").GetString()}").ToList();
        Assert.Equal(["2:period", "2:geography", "2:value", "2:numerator"], errors);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.observations WHERE period_start = '2024-10-01'"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM board.measure_observations WHERE measure_code = 'homicide-detection-rate'"), c => c == 2, "the partner's figures on the Board");
    }
}

/// <summary>Analysts change which categories feed which measure without touching code.</summary>
public sealed class CategoryMappingTests
{
    [Fact]
    public async Task A_mapping_added_by_an_analyst_feeds_the_next_import_and_a_removed_one_stops()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "imports", "borough-majortext-boroughname.csv");
        async Task<SeriousViolence.Performance.Importing.ImportReport> ImportAsync()
        {
            await using var stream = File.OpenRead(fixture);
            return await host.Services.GetRequiredService<SeriousViolence.Performance.Importing.ImportService>()
                .ImportAsync(SeriousViolence.Abstractions.Actor.System, "fixture.csv", stream, null, CancellationToken.None);
        }

        var invalid = await host.Client.PostAsync("api/category-mappings", new StringContent("""{"family":"weather","major":"","minor":"x","measureCode":"nope"}""", System.Text.Encoding.UTF8, "application/json"));
        var added = await host.Client.PostAsync("api/category-mappings", new StringContent("""{"family":"recorded-crime","major":"Burglary","minor":"Residential Burglary","measureCode":"gbh-offences-legacy"}""", System.Text.Encoding.UTF8, "application/json"));
        await ImportAsync();

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("\"family\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"measureCode\"", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(90m, await db.ScalarAsync<decimal>("SELECT value FROM performance.observations WHERE measure_code = 'gbh-offences-legacy' AND geography = 'E09000022' AND period_start = '2023-01-01'"));

        var id = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"api/category-mappings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.DeleteAsync($"api/category-mappings/{id}")).StatusCode);
        Assert.DoesNotContain("RESIDENTIAL BURGLARY", await host.Client.GetStringAsync("api/category-mappings"), StringComparison.Ordinal);
    }
}
