using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The CSV under a measure page's chart (GET /measures/{code}/chart.csv): the chart's rows with their mean and limits.</summary>
public sealed class MeasureChartCsvTests : HostedTest
{
    protected override async Task ArrangeAsync()
    {
        const string fixture = "borough-majortext-boroughname.csv";
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "imports", fixture));
        var report = await Host.Services.GetRequiredService<ImportService>().ImportAsync(Actor.System, fixture, stream, null, CancellationToken.None);
        Assert.True(report.Accepted, string.Join("; ", report.Errors));
    }

    [Fact]
    public async Task The_chart_csv_has_a_header_and_one_row_per_period_with_mean_and_limits()
    {
        var response = await Host.Client.GetAsync("measures/homicide-offences/chart.csv?geography=london");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("homicide-offences-london-chart.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        var all = text.TrimStart('\uFEFF').Split("\r\n");
        // Marked at the top and bottom, as every export is.
        Assert.Equal("OFFICIAL", all[0]);
        Assert.StartsWith("Control chart data; exported ", all[1], StringComparison.Ordinal);
        Assert.Equal("OFFICIAL", all[^2]);
        var lines = all[2..^2].Append("").ToArray();
        Assert.Equal(
            "Period,Value,Mean,Lower process limit,Upper process limit,Lower near limit,Upper near limit,Target,Classification,Rule,All rules,Segment,Trial limits",
            lines[0]);
        // London: 3 homicides in January 2023 (2 in Lambeth, 1 unknown), 1 in February. Mean 2, one moving range of 2,
        // so the limits are 2 ± 2.66 × 2 and the near limits 2 ± 1.7733 × 2. A negative limit stays a number.
        Assert.Equal("2023-01,3,2,-3.32,7.32,-1.5467,5.5467,,Common cause,,,1,yes", lines[1]);
        Assert.Equal("2023-02,1,2,-3.32,7.32,-1.5467,5.5467,,Common cause,,,1,yes", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task A_borough_gets_its_own_rows()
    {
        var text = await Host.Client.GetStringAsync("measures/violence-with-injury/chart.csv?geography=E09000022");

        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[2..^1];
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2023-01,300,290,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2023-02,280,290,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_measure_is_not_found_and_a_rebase_the_series_lacks_is_refused()
    {
        var unknown = await Host.Client.GetAsync("measures/no-such-measure/chart.csv");
        var badRebase = await Host.Client.GetAsync("measures/homicide-offences/chart.csv?geography=london&rebase=2024-03");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRebase.StatusCode);
        Assert.Contains("2024-03", await badRebase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
