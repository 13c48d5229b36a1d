using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Strands.GangsCriminalNetworks;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Gangs;

/// <summary>
/// ICO control 3a (victims were not told apart from offenders on the Gangs Matrix): the register holds networks, not
/// people. No column of the strand's schema and no property of its records can hold a name, nickname, date of birth,
/// address or image: the migration as run and the model as mapped are both scanned.
/// </summary>
[Collection(GangsHostGroup.Name)]
public sealed partial class GangsNoPersonTests(GangsHostFixture fixture)
{
    // Patterns a field about a person would carry. "created_by"/"recorded_by" (the officer who acted) and "partner" (an organisation) are not among them.
    [GeneratedRegex("name|nick|alias|moniker|dob|birth|born|address|street|postcode|post_code|image|photo|picture|face|gender|ethnic|^age(_|$)|phone|email|pnc|nominal|person|individual|member", RegexOptions.IgnoreCase)]
    private static partial Regex PersonPattern();

    [Fact]
    public async Task No_column_in_the_strands_schema_and_no_property_of_its_records_can_hold_a_person()
    {
        var columns = await fixture.Db.ColumnAsync(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'strand_gangs_criminal_networks' " +
            // The platform's own bookkeeping in every strand schema (migrations run, outbox, inbox) holds no register data.
            "AND table_name NOT IN ('schema_migrations', 'outbox_messages', 'processed_messages') ORDER BY 1");
        Assert.Contains("networks.reference", columns);
        Assert.Contains("assessments.exploitation", columns);
        Assert.Contains("disruptions.impact", columns);
        Assert.DoesNotContain(columns, c => PersonPattern().IsMatch(c.Split('.')[1]));

        var properties = await fixture.WithAsync(s =>
        {
            var db = s.GetRequiredService<GangsDbContext>();
            return Task.FromResult(db.Model.GetEntityTypes()
                .Where(e => e.ClrType.Namespace!.StartsWith("SeriousViolence.Strands.GangsCriminalNetworks", StringComparison.Ordinal))
                .SelectMany(e => e.GetProperties().Select(p => $"{e.ClrType.Name}.{p.Name}"))
                .ToList());
        });
        Assert.Contains("CriminalNetwork.Reference", properties);
        Assert.DoesNotContain(properties, p => PersonPattern().IsMatch(p.Split('.')[1]));
    }
}
