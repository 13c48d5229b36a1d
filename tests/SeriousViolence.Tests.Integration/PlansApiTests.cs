using System.Net;
using System.Text.Json;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The JSON API and CSV export the Board's other tools use.</summary>
public sealed class PlansApiTests : HostedTest
{

    [Fact]
    public async Task The_strands_are_listed_with_ids_names_and_objective_counts()
    {
        using var json = JsonDocument.Parse(await Host.Client.GetStringAsync("api/strands"));

        var strands = json.RootElement.EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("name").GetString(), s.GetProperty("objectives").GetInt32())).ToList();
        Assert.Equal(8, strands.Count);
        Assert.Equal(("homicide", "Homicide", 19), strands[5]);
        Assert.Equal(163, strands.Sum(s => s.Item3));
    }

    [Fact]
    public async Task A_strands_objectives_carry_ripe_years_status_rag_percent_target_and_revision()
    {
        using var json = JsonDocument.Parse(await Host.Client.GetStringAsync("api/strands/homicide/objectives"));

        var objectives = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(19, objectives.Count);
        var fiu = objectives.First(o => o.GetProperty("text").GetString()!.Contains("48 hours", StringComparison.Ordinal));
        Assert.Equal("Target 100%", fiu.GetProperty("target").GetProperty("text").GetString());
        Assert.Equal(100m, fiu.GetProperty("target").GetProperty("value").GetDecimal());
        Assert.Equal(["Prevention"], fiu.GetProperty("ripe").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([1], fiu.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal("NotStarted", fiu.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, fiu.GetProperty("rag").ValueKind);
        Assert.Equal(0, fiu.GetProperty("percentComplete").GetInt32());
        Assert.Equal(1, fiu.GetProperty("revision").GetInt64());

        using var year2 = JsonDocument.Parse(await Host.Client.GetStringAsync("api/strands/sapphire/objectives?year=2"));
        Assert.Equal(3, year2.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Unknown_strands_and_bad_filters_get_clear_problems()
    {
        var unknown = await Host.Client.GetAsync("api/strands/knitting/objectives");
        var badStatus = await Host.Client.GetAsync("api/strands/homicide/objectives?status=Sideways");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("GET /api/strands lists them", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("NotStarted, OnTrack", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_both_endpoints()
    {
        using var json = JsonDocument.Parse(await Host.Client.GetStringAsync("openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/strands", out _) || paths.TryGetProperty("/api/strands/", out _));
        Assert.True(paths.TryGetProperty("/api/strands/{strandId}/objectives", out _));
        Assert.Equal("SeriousViolence API", json.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_strands_action_plan_exports_as_csv_with_its_name_quarter_and_date()
    {
        var response = await Host.Client.GetAsync("strands/child-abuse/action-plan.csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var marked = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("OFFICIAL", marked[0]);
        Assert.StartsWith("Action plan: 8. Child Abuse; exported ", marked[1], StringComparison.Ordinal);
        Assert.Equal("OFFICIAL", marked[^1]);
        var lines = marked[2..^1];
        Assert.StartsWith("8. Child Abuse,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Key,RIPE,Years,Objective", lines[2], StringComparison.Ordinal);
        Assert.Equal(13, lines.Length - 3);
        Assert.StartsWith("child-abuse-001,", lines[3], StringComparison.Ordinal);
    }
}

/// <summary>The printable action plan carries the strand, the quarter and the date in the head every printed page repeats.</summary>
public sealed class PrintableActionPlanTests
{
    [Fact]
    public async Task The_printable_plan_lists_every_objective_under_a_running_head_with_strand_quarter_and_date()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);

        var html = await host.Client.GetStringAsync("strands/homicide/action-plan/print");

        var quarter = SeriousViolence.Abstractions.FinancialQuarter.Containing(DateTimeOffset.UtcNow).ToString();
        Assert.Contains($"<tr class=\"print-running\"><th colspan=\"7\"><span class=\"print-marking\">OFFICIAL</span> 6. Homicide · {quarter} · printed {DateTime.UtcNow:d MMM yyyy}", html, StringComparison.Ordinal);
        // The marking is also in the table foot, which the browser repeats at the bottom of every printed page.
        Assert.Contains("<tfoot><tr class=\"print-running\"><td colspan=\"7\"><span class=\"print-marking\">OFFICIAL</span>", html, StringComparison.Ordinal);
        Assert.Equal(19 + 3, html.Split("<tr", StringSplitOptions.None).Length - 1);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Client.GetAsync("strands/homicide/action-plan/print")).StatusCode);
    }
}
