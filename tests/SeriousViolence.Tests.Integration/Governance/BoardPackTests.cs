using System.Diagnostics;
using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SeriousViolence.Contracts;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Governance;

/// <summary>
/// The Board pack: issued by the cycle from the quarter record at the lock, printed to PDF by the installed Chromium,
/// stored with the record, never changed, downloadable as PDF and HTML; 404 before the lock. The PDF's text is read
/// back with poppler's pdftotext.
/// </summary>
public sealed class BoardPackTests
{
    [Fact]
    public async Task The_pack_issued_at_the_lock_carries_the_marking_on_every_page_and_the_quarters_picture()
    {
        await using var cycle = await CycleHost.StartAsync(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await cycle.RunCycleAsync();
        await PublishKnifeCrimeAsync(cycle);
        var objective = (await cycle.Db.ColumnAsync("SELECT objective_id FROM board.objectives WHERE strand_id = 'homicide' ORDER BY text LIMIT 1"))[0];
        await cycle.Host.Services.GetRequiredService<IBus>().Publish(new RipeActionUpdated
        {
            StrandId = "homicide", ObjectiveId = Guid.Parse(objective), Revision = 40, OccurredAt = cycle.Clock.Now, Ripe = ["Enforcement"], Years = [1],
            Status = "OffTrack", Rag = "Red", PercentComplete = 20, Themes = [], Text = "Debrief 15% of homicide investigations",
        });
        await Eventually.WaitForAsync(() => cycle.Db.ScalarAsync<long>($"SELECT revision FROM board.objectives WHERE objective_id = '{objective}'"), r => r == 40, "the Board to take the change");
        await cycle.SubmitAsync("jigsaw", "2026/27 Q1", new DateTimeOffset(2026, 7, 3, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.NotFound, (await cycle.Host.Client.GetAsync("api/quarters/2026-27-Q1/pack.pdf")).StatusCode);
        cycle.Clock.Now = new DateTimeOffset(2026, 7, 30, 9, 0, 0, TimeSpan.Zero);
        var report = await cycle.RunCycleAsync();
        Assert.Contains("Board pack issued for 2026/27 Q1.", report.Events);

        var response = await cycle.Host.Client.GetAsync("api/quarters/2026-27-Q1/pack.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("board-pack-2026-27-Q1.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("SV_KEEP_PACK") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(keep, bytes);
        }

        var pages = await PdfPagesAsync(bytes);

        Assert.True(pages.Count >= 4, $"expected a cover, the agenda, the strands and the measures; got {pages.Count} page(s)");
        // Header and footer on every page (the cover shows it a third time, large).
        Assert.All(pages, page => Assert.True(Occurrences(page, "OFFICIAL-SENSITIVE") >= 2, "a page without the marking top and bottom:\n" + page));
        var text = string.Join("\n", pages);
        Assert.Contains("Board pack: 2026/27 Q1", pages[0], StringComparison.Ordinal);
        Assert.Contains("Exceptions agenda", text, StringComparison.Ordinal);
        Assert.Contains("Debrief 15% of homicide investigations", text, StringComparison.Ordinal);
        Assert.Contains("8. Child Abuse", text, StringComparison.Ordinal);
        Assert.Contains("not submitted", text, StringComparison.Ordinal);
        Assert.Contains("Measures: icon table", text, StringComparison.Ordinal);
        Assert.Contains("KNIFE-TEST", text, StringComparison.Ordinal);
        Assert.Contains("special cause, high", text, StringComparison.Ordinal);
        Assert.Contains("Control charts", text, StringComparison.Ordinal);

        var html = await cycle.Host.Client.GetStringAsync("api/quarters/2026-27-Q1/pack.html");
        Assert.Contains("<svg", html, StringComparison.Ordinal);

        // Issued once and kept as issued: a later pass issues nothing, and the database refuses a change.
        Assert.DoesNotContain((await cycle.RunCycleAsync()).Events, e => e.StartsWith("Board pack", StringComparison.Ordinal));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => cycle.Db.ScalarAsync<int>("UPDATE governance.board_packs SET html = '' RETURNING 1"));
        Assert.Equal("P0001", refused.SqlState);
        Assert.Equal(HttpStatusCode.NotFound, (await cycle.Host.Client.GetAsync("api/quarters/2026-27-Q2/pack.pdf")).StatusCode);
    }

    /// <summary>24 months of a London measure, steady, then one month far above the rest (special cause, high).</summary>
    private static async Task PublishKnifeCrimeAsync(CycleHost cycle)
    {
        var observations = Enumerable.Range(0, 24).Select(i => new RecordedObservation
        {
            PeriodStart = new DateOnly(2024, 6, 1).AddMonths(i), PeriodKind = "month", Value = i == 23 ? 900 : 400 + (i % 3 * 10), Revision = 1,
        }).ToList();
        await cycle.Host.Services.GetRequiredService<IBus>().Publish(new MeasureObservationsRecorded
        {
            MeasureCode = "KNIFE-TEST", StrandIds = ["serious-youth-violence"], Geography = "london", OccurredAt = cycle.Clock.Now, Observations = observations,
        });
        await Eventually.WaitForAsync(
            () => cycle.Db.ScalarAsync<long>("SELECT count(*) FROM board.measure_observations WHERE measure_code = 'KNIFE-TEST'"), n => n == 24, "the Board to hold the measure");
    }

    /// <summary>The PDF's text page by page, by poppler's pdftotext (./build/test.sh installs poppler-utils).</summary>
    internal static async Task<List<string>> PdfPagesAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sv-pack-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-layout");
            start.ArgumentList.Add(file);
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "pdftotext failed: " + await process.StandardError.ReadToEndAsync());
            return [.. text.Split('\f').Where(p => p.Trim().Length > 0)];
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int Occurrences(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
