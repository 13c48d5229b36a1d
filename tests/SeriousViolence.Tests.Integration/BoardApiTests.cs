using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Board.Dashboard;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The Board's summary API, its agenda download and who may see them.</summary>
public sealed class BoardApiTests : HostedTest
{
    protected override Task ArrangeAsync() =>
        Eventually.WaitForAsync(
            () => Db.ScalarAsync<long>("SELECT (SELECT count(*) FROM board.objectives) * 1000 + (SELECT count(*) FROM board.measures)"),
            // Every objective seeded and every measure the strand plugins declare.
            n => n == 163 * 1000 + Host.Services.GetRequiredService<SeriousViolence.Platform.Plugins.PluginRegistry>().Measures.Count(), "the seeded objectives and measures on the Board");

    [Fact]
    public async Task The_summary_gives_each_strand_its_counts_by_status_and_rag_and_each_measure_its_latest_value_and_icons()
    {
        using var body = new StringContent(
            """[{"period":"2024/25 Q1","geography":"london","value":87.5,"numerator":35,"denominator":40},{"period":"2024/25 Q2","geography":"london","value":80,"numerator":32,"denominator":40},{"period":"2024/25 Q3","geography":"london","value":84,"numerator":42,"denominator":50}]""",
            System.Text.Encoding.UTF8, "application/json");
        (await Host.Client.PostAsync("api/measures/homicide-detection-rate/observations", body)).EnsureSuccessStatusCode();
        await Eventually.WaitForAsync(() => Db.ScalarAsync<long>("SELECT count(*) FROM board.measure_observations"), c => c == 3, "the observations on the Board");

        using var summary = JsonDocument.Parse(await Host.Client.GetStringAsync("api/board/summary"));

        var root = summary.RootElement;
        Assert.Equal("OFFICIAL", root.GetProperty("protectiveMarking").GetString());
        var strands = root.GetProperty("strands").EnumerateArray().ToList();
        Assert.Equal(["jigsaw", "sapphire", "dv-hate-crime", "serious-youth-violence", "gangs-criminal-networks", "homicide", "gbh", "child-abuse"], strands.Select(s => s.GetProperty("strandId").GetString()));
        Assert.Equal(163, strands.Sum(s => s.GetProperty("objectives").GetInt32()));
        Assert.All(strands, s => Assert.Equal(s.GetProperty("objectives").GetInt32(), s.GetProperty("byStatus").GetProperty("NotStarted").GetInt32()));
        Assert.All(strands, s => Assert.Equal(s.GetProperty("objectives").GetInt32(), s.GetProperty("byRag").GetProperty("NotAssessed").GetInt32()));
        // Nothing submitted for the last quarter: every strand is Amber by the stated rule.
        Assert.All(strands, s => Assert.Equal("Amber", s.GetProperty("rollUp").GetString()));
        var detection = root.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "homicide-detection-rate");
        Assert.Equal("2024/25 Q3", detection.GetProperty("latestPeriod").GetString());
        Assert.Equal(84m, detection.GetProperty("latestValue").GetDecimal());
        Assert.Equal("CommonCause", detection.GetProperty("variation").GetString());
        Assert.Equal("HitAndMiss", detection.GetProperty("assurance").GetString());
    }

    [Fact]
    public async Task The_summary_is_described_in_the_openapi_document()
    {
        using var openApi = JsonDocument.Parse(await Host.Client.GetStringAsync("openapi/v1.json"));

        var get = openApi.RootElement.GetProperty("paths").GetProperty("/api/board/summary").GetProperty("get");
        Assert.Equal("GetBoardSummary", get.GetProperty("operationId").GetString());
        Assert.True(get.GetProperty("responses").TryGetProperty("200", out _));
    }

    [Fact]
    public async Task The_agenda_downloads_as_csv_with_the_protective_marking_first_and_last()
    {
        var response = await Host.Client.GetAsync("board/agenda.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("OFFICIAL", lines[0]);
        Assert.Equal("OFFICIAL", lines[^1]);
        Assert.Equal("Item,Severity,Kind,Strand,Subject,Detail", lines[2]);
        // Every strand missed the last quarter's submission: eight high items, in strand order.
        Assert.Equal(8, lines.Count(l => l.Contains(",High,Quarterly submission missed,", StringComparison.Ordinal)));
        Assert.StartsWith("1,High,Quarterly submission missed,Sex Offender Management (Jigsaw),", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_may_not_see_the_board_or_export_it()
    {
        var partner = Actor.WithRoles("partner", "A partner", new RoleGrant(Role.Partner));

        await Assert.ThrowsAsync<AccessDeniedException>(() => WithAsync(sp => sp.GetRequiredService<BoardDashboard>().PictureAsync(partner, CancellationToken.None)));
        Assert.False(BoardExport.Allows(partner));
        Assert.Throws<AccessDeniedException>(() => BoardExport.Ensure(partner, "board agenda CSV"));
    }
}
