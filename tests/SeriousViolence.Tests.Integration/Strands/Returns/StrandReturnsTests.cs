using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Plugins;
using SeriousViolence.Plugins.Returns;
using SeriousViolence.Tests.Integration.Strands.Gbh;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Returns;

/// <summary>
/// Every strand that keeps a monthly return (Jigsaw's MAPPA return, Sapphire's, the Community Safety Units', GBH's,
/// Serious Youth Violence's under-20 return and Operation Blunt activity log, a strand with two named "strand/key"),
/// and the Child Abuse Investigation Command's (one for London), through its own definition: prepared by the strand's action owner and approved by its lead, each measure it feeds
/// has the borough's value in Performance and an SPC chart; another strand's lead is refused over HTTP with nothing
/// written; and each of its rules is enforced beside the field.
/// </summary>
[Collection(GbhReturnsShared.Name)]
public sealed class StrandReturnsTests(GbhReturnsHost shared)
{
    public sealed record StrandReturn(string StrandId, ReturnDefinition Definition, Type Context)
    {
        public override string ToString() => $"{StrandId}/{Definition.Key}";
    }

    private static readonly string[] All =
        ["jigsaw", "sapphire", "dv-hate-crime", "gbh", "child-abuse", "serious-youth-violence/under-20", "serious-youth-violence/operation-blunt"];

    public static TheoryData<string> Strands => [.. All];

    /// <summary>The returns with rules between their figures (the under-20 return has none: no figure is part of another).</summary>
    public static TheoryData<string> WithRules => [.. All.Where(r => Of(r).Definition.Rules.Count > 0)];

    private static StrandReturn Of(string strandId) => strandId switch
    {
        "serious-youth-violence/under-20" => new("serious-youth-violence", SeriousViolence.Strands.SeriousYouthViolence.Returns.Under20Return.Definition, typeof(SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes.SeriousYouthViolenceDbContext)),
        "serious-youth-violence/operation-blunt" => new("serious-youth-violence", SeriousViolence.Strands.SeriousYouthViolence.Returns.OperationBluntReturn.Definition, typeof(SeriousViolence.Strands.SeriousYouthViolence.DiversionSchemes.SeriousYouthViolenceDbContext)),
        "jigsaw" => new(strandId, SeriousViolence.Strands.Jigsaw.Returns.MappaReturn.Definition, typeof(SeriousViolence.Strands.Jigsaw.Returns.JigsawDbContext)),
        "sapphire" => new(strandId, SeriousViolence.Strands.Sapphire.Returns.SapphireReturn.Definition, typeof(SeriousViolence.Strands.Sapphire.Returns.SapphireDbContext)),
        "child-abuse" => new(strandId, SeriousViolence.Strands.ChildAbuse.Returns.CaseloadReturn.Definition, typeof(SeriousViolence.Strands.ChildAbuse.CaseReviews.ChildAbuseDbContext)),
        "dv-hate-crime" => new(strandId, SeriousViolence.Strands.DomesticViolenceHateCrime.Returns.CsuReturn.Definition, typeof(SeriousViolence.Strands.DomesticViolenceHateCrime.Returns.CsuDbContext)),
        _ => new(strandId, SeriousViolence.Strands.GrievousBodilyHarm.Returns.GbhReturn.Definition, typeof(SeriousViolence.Strands.GrievousBodilyHarm.Returns.GbhDbContext)),
    };

    /// <summary>Figures that satisfy every rule: parts 3, wholes raised until each rule holds, and a spread by month.</summary>
    private static Dictionary<string, int> Figures(ReturnDefinition definition, int seed)
    {
        var figures = definition.Fields.ToDictionary(f => f.Code, f => 3 + seed, StringComparer.Ordinal);
        for (var pass = 0; pass < definition.Rules.Count + 1; pass++)
        {
            foreach (var rule in definition.Rules)
            {
                var deficit = rule.Part.Sum(p => figures[p]) - rule.Whole.Sum(w => figures[w]);
                if (deficit > 0)
                {
                    figures[rule.Whole[0]] += deficit + seed;
                }
            }
        }

        return figures;
    }

    /// <summary>Where the test makes its return: Croydon (or Lambeth), or London for a force-wide return.</summary>
    private static string Place(StrandReturn s, string borough = GbhReturnsHost.Croydon) => s.Definition.Coverage == ReturnCoverage.Force ? Geographies.London : borough;

    private static ReturnForm Form(string month, IReadOnlyDictionary<string, int> figures, string geography) => new()
    {
        Geography = geography, Month = month,
        Figures = figures.ToDictionary(f => f.Key, f => f.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal),
    };

    private async Task<ReturnResult> CallAsync(StrandReturn s, Func<dynamic, Task<ReturnResult>> act)
    {
        await using var scope = shared.Host.Services.CreateAsyncScope();
        dynamic service = scope.ServiceProvider.GetRequiredService(typeof(MonthlyReturns<>).MakeGenericType(s.Context));
        return await act(service);
    }

    private async Task<MonthlyReturn> ApprovedAsync(StrandReturn s, ReturnForm form)
    {
        var owner = Actor.WithRoles($"{s.StrandId}-owner", $"{s.StrandId} analyst", new RoleGrant(Role.ActionOwner, s.StrandId));
        var lead = Actor.ForStrands($"{s.StrandId}-lead", $"{s.StrandId} lead", s.StrandId);
        var prepared = await CallAsync(s, r => r.PrepareAsync(owner, s.Definition, form, (long?)null, CancellationToken.None));
        Assert.True(prepared.Succeeded, string.Join("; ", prepared.Errors.SelectMany(e => e.Value)) + prepared.Conflict);
        var approved = await CallAsync(s, r => r.ApproveAsync(lead, s.Definition, prepared.Saved!.Id, prepared.Saved.Version, CancellationToken.None));
        Assert.True(approved.Succeeded, string.Join("; ", approved.Errors.SelectMany(e => e.Value)) + approved.Conflict);
        return approved.Saved!;
    }

    [Theory]
    [MemberData(nameof(Strands))]
    public async Task An_approved_return_feeds_every_measure_it_declares_for_its_borough_and_the_SPC_chart(string strandId)
    {
        var s = Of(strandId);
        var months = new[] { "2024-01", "2024-02", "2024-03" };
        var sent = new List<Dictionary<string, int>>();
        for (var i = 0; i < months.Length; i++)
        {
            sent.Add(Figures(s.Definition, i));
            await ApprovedAsync(s, Form(months[i], sent[i], Place(s)));
        }

        foreach (var measure in s.Definition.Measures)
        {
            var expected = months.Select((m, i) =>
            {
                var n = measure.Numerator.Sum(f => sent[i][f]);
                var value = measure.IsRate ? Math.Round(100m * n / measure.Denominator!.Sum(f => sent[i][f]), 1) : n;
                return $"{m}|{value.ToString("0.0", CultureInfo.InvariantCulture)}";
            }).ToList();
            var stored = await Eventually.WaitForAsync(
                () => shared.Db.ColumnAsync($"SELECT to_char(period_start, 'YYYY-MM') || '|' || value::numeric(12,1) FROM performance.observations WHERE measure_code = '{measure.MeasureCode}' AND geography = '{Place(s)}' AND period_start < '2024-04-01' ORDER BY period_start"),
                rows => rows.Count == 3, $"{measure.MeasureCode} observed for three months");
            Assert.Equal(expected, stored);
            Assert.Equal(
                [$"{s.StrandId}|SeriousViolence.Strands.{s.Context.Namespace!.Split('.')[2]}"],
                await shared.Db.ColumnAsync($"SELECT owner_strand || '|' || owner_module FROM performance.measures WHERE code = '{measure.MeasureCode}'"));
            var response = await shared.Host.Client.GetAsync($"api/measures/{measure.MeasureCode}/spc?geography={Place(s)}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{measure.MeasureCode}: {(int)response.StatusCode} {body}");
            using var chart = JsonDocument.Parse(body);
            var periods = chart.RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("period").GetString()!).ToList();
            Assert.Subset(periods.ToHashSet(), months.ToHashSet());
        }
    }

    [Theory]
    [MemberData(nameof(Strands))]
    public async Task Another_strands_lead_is_refused_over_HTTP_with_nothing_written_and_the_refusal_audited(string strandId)
    {
        var s = Of(strandId);
        var otherStrand = s.StrandId == "homicide" ? "jigsaw" : "homicide";
        var other = await shared.Host.CreateUserAsync($"other.{strandId.Replace('/', '.')}@test.invalid", $"Other lead for {strandId}", new RoleGrant(Role.StrandLead, otherStrand));
        using var client = shared.Host.ClientWithToken(await shared.Host.IssueTokenAsync(other));
        var figures = Figures(s.Definition, 0).ToDictionary(f => f.Key, f => f.Value.ToString(CultureInfo.InvariantCulture));

        var response = await client.PostAsJsonAsync($"api/strands/{s.StrandId}/returns/{s.Definition.Key}", new { geography = Place(s, GbhReturnsHost.Lambeth), month = "2024-06", figures, version = (long?)null });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var schema = "strand_" + s.StrandId.Replace('-', '_');
        Assert.Equal(0L, await shared.Db.ScalarAsync<long>($"SELECT count(*) FROM {schema}.monthly_returns WHERE month = '2024-06-01' AND geography = '{Place(s, GbhReturnsHost.Lambeth)}'"));
        Assert.Contains(
            $"prepare-{s.Definition.Key}-return|{s.StrandId}",
            await shared.Db.ColumnAsync($"SELECT entity_id || '|' || strand_id FROM platform.audit_records WHERE kind = 'access-denied' AND actor_name LIKE 'Other lead for {strandId}%'"));
    }

    [Theory]
    [MemberData(nameof(WithRules))]
    public async Task Each_rule_of_the_return_is_refused_beside_its_field_with_nothing_written(string strandId)
    {
        var s = Of(strandId);
        var owner = Actor.WithRoles($"{s.StrandId}-owner", $"{s.StrandId} analyst", new RoleGrant(Role.ActionOwner, s.StrandId));
        Assert.NotEmpty(s.Definition.Rules);
        foreach (var rule in s.Definition.Rules)
        {
            var figures = Figures(s.Definition, 0);
            figures[rule.Part[0]] = rule.Whole.Sum(w => figures[w]) + 1 - rule.Part.Skip(1).Sum(p => figures[p]);

            var result = await CallAsync(s, r => r.PrepareAsync(owner, s.Definition, Form("2024-07", figures, Place(s, GbhReturnsHost.Lambeth)), (long?)null, CancellationToken.None));

            Assert.False(result.Succeeded);
            Assert.Contains(rule.Message, result.Errors[rule.Part[0]]);
        }

        var schema = "strand_" + s.StrandId.Replace('-', '_');
        Assert.Equal(0L, await shared.Db.ScalarAsync<long>($"SELECT count(*) FROM {schema}.monthly_returns WHERE month = '2024-07-01'"));
    }
}
