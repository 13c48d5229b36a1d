using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration;

/// <summary>The MPS formats as published, recognised from their headers, validated row by row, written all or nothing.</summary>
public sealed class ImportTests : HostedTest
{

    private async Task<ImportReport> ImportAsync(string fixture, Actor? actor = null)
    {
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "imports", fixture));
        return await Host.Services.GetRequiredService<ImportService>().ImportAsync(actor ?? Actor.System, fixture, stream, null, CancellationToken.None);
    }

    private Task<decimal> ValueAsync(string measure, string period, string geography) =>
        Db.ScalarAsync<decimal>($"SELECT value FROM performance.observations WHERE measure_code = '{measure}' AND period_start = '{period}' AND geography = '{geography}'");

    [Fact]
    public async Task Borough_files_with_BoroughName_and_MajorText_headers_import_counting_pseudo_boroughs_in_London_only()
    {
        var report = await ImportAsync("borough-majortext-boroughname.csv");

        Assert.True(report.Accepted, string.Join("; ", report.Errors));
        Assert.Equal(("recorded-crime-borough", 4), (report.Format, report.RowsRead));
        Assert.Equal(2m, await ValueAsync("homicide-offences", "2023-01-01", "E09000022"));
        Assert.Equal(3m, await ValueAsync("homicide-offences", "2023-01-01", "london"));
        Assert.Equal(280m, await ValueAsync("violence-with-injury", "2023-02-01", "E09000022"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM performance.observations WHERE geography LIKE 'mps:%'"));
        Assert.Contains(report.Notes, n => n.Contains("'Unknown' is an MPS pseudo-borough", StringComparison.Ordinal));
        // Burglary maps to no measure: read and checked, not stored.
        Assert.Equal(8, report.ObservationsWritten);
    }

    [Theory]
    [InlineData("borough-group-lookup.csv", "homicide-offences", "2023-02-01", "E09000028", 3)]
    [InlineData("borough-group-lookup.csv", "rape-offences", "2023-01-01", "E09000028", 20)]
    [InlineData("borough-bocu-ampersand.csv", "possession-of-weapons", "2023-01-01", "E09000013", 12)]
    [InlineData("borough-bocu-ampersand.csv", "possession-of-weapons", "2023-01-01", "london", 15)]
    [InlineData("borough-legacy.csv", "homicide-offences", "2008-01-01", "E09000008", 1)]
    [InlineData("borough-legacy.csv", "gbh-offences-legacy", "2008-02-01", "E09000008", 38)]
    [InlineData("borough-legacy.csv", "rape-offences", "2008-02-01", "london", 7)]
    public async Task Every_published_header_variant_is_recognised(string fixture, string measure, string period, string geography, int expected)
    {
        var report = await ImportAsync(fixture);

        Assert.True(report.Accepted, string.Join("; ", report.Errors));
        Assert.Equal("recorded-crime-borough", report.Format);
        Assert.Equal(expected, await ValueAsync(measure, period, geography));
    }

    [Fact]
    public async Task Ward_files_write_ward_observations_and_register_the_wards()
    {
        var report = await ImportAsync("ward.csv");

        Assert.True(report.Accepted, string.Join("; ", report.Errors));
        Assert.Equal("recorded-crime-ward", report.Format);
        Assert.Equal(30m, await ValueAsync("violence-with-injury", "2024-02-01", "E05014096"));
        Assert.Equal("Coldharbour:E09000022", await Db.ScalarAsync<string>("SELECT name || ':' || parent FROM performance.geographies WHERE code = 'E05014096'"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM performance.observations WHERE geography = 'london'"));
    }

    [Fact]
    public async Task The_knife_crime_dashboard_gives_counts_and_a_positive_outcome_rate_with_numerator_and_denominator()
    {
        var report = await ImportAsync("knife-long.csv");

        Assert.True(report.Accepted, string.Join("; ", report.Errors));
        Assert.Equal("knife-crime-dashboard", report.Format);
        Assert.Equal(100m, await ValueAsync("knife-crime-offences", "2024-04-01", "london"));
        Assert.Equal(4m, await ValueAsync("knife-injury-victims-1-24", "2024-04-01", "E09000025"));
        Assert.Equal(25m, await ValueAsync("knife-crime-positive-outcome-rate", "2024-04-01", "E09000022"));
        Assert.Equal("30:100", await Db.ScalarAsync<string>(
            "SELECT numerator || ':' || denominator FROM performance.observations WHERE measure_code = 'knife-crime-positive-outcome-rate' AND geography = 'london'"));
        Assert.Equal(30m, await ValueAsync("knife-crime-positive-outcome-rate", "2024-04-01", "london"));
    }

    [Fact]
    public async Task The_homicide_victims_file_gives_victims_and_the_solved_rate_per_year()
    {
        var report = await ImportAsync("victims.csv");

        Assert.True(report.Accepted, string.Join("; ", report.Errors));
        Assert.Equal(3m, await ValueAsync("homicide-victims", "2008-01-01", "london"));
        Assert.Equal(50m, await ValueAsync("homicide-solved-rate", "2008-01-01", "E09000022"));
        Assert.Equal(66.6667m, await ValueAsync("homicide-solved-rate", "2008-01-01", "london"));
    }

    [Fact]
    public async Task A_file_with_any_bad_row_is_rejected_whole_with_line_column_and_reason()
    {
        var report = await ImportAsync("errors.csv");

        Assert.False(report.Accepted);
        Assert.Equal(
            [
                new ImportError(2, "202302", "'x' is not a count (a whole number, zero or more)."),
                new ImportError(3, "BoroughName", "'Atlantis' is not a London borough or an MPS pseudo-borough this platform knows."),
                new ImportError(4, "(row)", "Has 4 values where the header has 5 columns."),
                new ImportError(5, "202301", "'-1' is not a count (a whole number, zero or more)."),
            ],
            report.Errors);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM performance.observations"));
        Assert.Equal("rejected:4", await Db.ScalarAsync<string>($"SELECT status || ':' || jsonb_array_length(report->'errors') FROM performance.import_batches WHERE id = '{report.BatchId}'"));
    }

    [Fact]
    public async Task An_unrecognised_header_is_refused_with_what_is_expected()
    {
        var report = await ImportAsync("unknown-header.csv");

        Assert.False(report.Accepted);
        var error = Assert.Single(report.Errors);
        Assert.Equal((1, "(header)"), (error.Line, error.Column));
        Assert.Contains("Not a format this platform reads", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_importing_a_period_replaces_the_value_and_keeps_the_earlier_revision()
    {
        await ImportAsync("borough-majortext-boroughname.csv");
        var again = await ImportAsync("borough-majortext-boroughname.csv");
        Assert.Equal((0, 0, 8), (again.ObservationsWritten, again.ObservationsRevised, again.ObservationsUnchanged));

        var revisedFile = Path.Combine(Path.GetTempPath(), $"revised-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(revisedFile, "MajorText,MinorText,BoroughName,202302\nVIOLENCE AGAINST THE PERSON,HOMICIDE,Lambeth,4\n");
        ImportReport revised;
        await using (var stream = File.OpenRead(revisedFile))
        {
            revised = await Host.Services.GetRequiredService<ImportService>().ImportAsync(Actor.System, "revised.csv", stream, null, CancellationToken.None);
        }

        File.Delete(revisedFile);
        Assert.Equal(2, revised.ObservationsRevised); // Lambeth and London for February
        Assert.Equal(4m, await ValueAsync("homicide-offences", "2023-02-01", "E09000022"));
        Assert.Equal("2:revised.csv", await Db.ScalarAsync<string>(
            "SELECT revision || ':' || source FROM performance.observations WHERE measure_code = 'homicide-offences' AND period_start = '2023-02-01' AND geography = 'E09000022'"));
        Assert.Equal("1:1:borough-majortext-boroughname.csv", await Db.ScalarAsync<string>(
            "SELECT revision || ':' || value || ':' || source FROM performance.observation_revisions WHERE measure_code = 'homicide-offences' AND period_start = '2023-02-01' AND geography = 'E09000022'"));
    }

    [Fact]
    public async Task Only_someone_who_may_act_for_every_strand_may_import()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => ImportAsync("ward.csv", Actor.ForStrands("lead", "DCS Homicide", "homicide")));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM performance.import_batches"));
    }
}

/// <summary>Every new or revised observation reaches the Board through the Performance outbox, and only those.</summary>
public sealed class MeasureEventTests
{
    [Fact]
    public async Task An_import_tells_the_board_of_each_new_or_revised_observation_once_per_measure_and_place()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        var imports = host.Services.GetRequiredService<ImportService>();
        async Task ImportAsync(string name, string? content = null)
        {
            await using Stream stream = content is null ? File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "imports", name)) : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
            Assert.True((await imports.ImportAsync(Actor.System, name, stream, null, CancellationToken.None)).Accepted);
        }

        await ImportAsync("borough-majortext-boroughname.csv");
        // homicide-offences and violence-with-injury, each for Lambeth and London: four messages carrying eight observations.
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.outbox_messages WHERE message_type = 'SeriousViolence.Contracts.MeasureObservationsRecorded'"));
        await Eventually.WaitForAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM board.measure_observations"), c => c == 8, "eight observations on the Board");

        await ImportAsync("borough-majortext-boroughname.csv");
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.outbox_messages WHERE message_type = 'SeriousViolence.Contracts.MeasureObservationsRecorded'")); // unchanged: nothing to tell

        await ImportAsync("revised.csv", "MajorText,MinorText,BoroughName,202302\nVIOLENCE AGAINST THE PERSON,HOMICIDE,Lambeth,4\n");
        Assert.Equal(6L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.outbox_messages WHERE message_type = 'SeriousViolence.Contracts.MeasureObservationsRecorded'"));
        await Eventually.WaitForAsync(
            () => db.ScalarAsync<string>("SELECT value || ':' || revision FROM board.measure_observations WHERE measure_code = 'homicide-offences' AND geography = 'E09000022' AND period_start = '2023-02-01'"),
            v => v == "4:2", "the revised value on the Board");
    }
}

/// <summary>An import stopped part-way writes nothing and its batch says it did not finish.</summary>
public sealed class ImportCancellationTests
{
    /// <summary>A stream that cancels the import once it has been read from, as a person leaving the page would.</summary>
    private sealed class CancellingStream(Stream inner, CancellationTokenSource cancel) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            cancel.Cancel();
            return inner.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_cancelled_import_writes_nothing_and_is_not_left_running()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(db.ConnectionString);
        using var cancel = new CancellationTokenSource();
        await using var stream = new CancellingStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "imports", "ward.csv")), cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Services.GetRequiredService<ImportService>().ImportAsync(Actor.System, "ward.csv", stream, null, cancel.Token));

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM performance.observations"));
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM performance.import_batches"));
        Assert.Contains("cancelled", await db.ScalarAsync<string>("SELECT report::text FROM performance.import_batches"), StringComparison.Ordinal);
    }
}
