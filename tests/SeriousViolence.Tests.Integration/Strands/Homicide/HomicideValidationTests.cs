using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SeriousViolence.Strands.Homicide.Fiu;
using SeriousViolence.Strands.Homicide.Investigations;
using SeriousViolence.Strands.Homicide.Partnerships;
using SeriousViolence.Strands.Homicide.Records;
using SeriousViolence.Tests.Support;
using Xunit;

namespace SeriousViolence.Tests.Integration.Strands.Homicide;

/// <summary>Bad or hostile input to each register is refused with a message beside the field at fault, and nothing is written.</summary>
public sealed class HomicideValidationTests(HomicideHostFixture fixture) : IClassFixture<HomicideHostFixture>
{
    private static readonly Dictionary<string, (string Field, Func<TestHost, Task<IReadOnlyDictionary<string, string[]>>> Save, string Message)> Cases = new(StringComparer.Ordinal)
    {
        ["a detection date before the investigation opened"] = ("DetectedOn", I(HomicideHost.Investigation("Operation Elmstead", opened: "2026-06-10", status: "detected", detected: "2026-06-01")),
            "The investigation cannot be detected before it opened (10 Jun 2026)."),
        ["a conviction without a charge"] = ("Outcome", I(HomicideHost.Investigation("Operation Elmstead", outcome: InvestigationOutcomes.Murder)),
            "A conviction needs a charge: give the date someone was charged first."),
        ["a borough that does not exist"] = ("Borough", I(HomicideHost.Investigation("Operation Elmstead", borough: "E09000099")),
            "Choose one of London's 33 boroughs (a GSS code such as E09000008)."),
        ["a person's name for an operation"] = ("OperationName", I(HomicideHost.Investigation("John Smith")),
            "Give the operation's pseudonymous reference: the word Operation and its name (letters only), e.g. Operation Ashdown. Never a victim's or suspect's name."),
        ["a NUL in the operation name"] = ("OperationName", I(HomicideHost.Investigation("Operation Elm\0stead")),
            "Remove control characters (such as NUL, tab or line breaks) from the operation name."),
        ["a megabyte of operation name"] = ("OperationName", I(HomicideHost.Investigation("Operation " + new string('x', 1_000_000))),
            "At most 60 characters (this has 1,000,010)."),
        ["a detected status with no date"] = ("DetectedOn", I(HomicideHost.Investigation("Operation Elmstead", status: "detected")),
            "A detected investigation needs the date it was detected."),
        ["a response before the request was received"] = ("RespondedAt", F(HomicideHost.Fiu(received: "2026-11-02T09:00", responded: "2026-11-02T08:00", by: "SCD1 FIU manager")),
            "The response cannot come before the request was received (2 Nov 2026 09:00)."),
        ["a person's name as the responder"] = ("RespondedBy", F(HomicideHost.Fiu(responded: "2026-11-02T10:00", by: "DC Jane Doe")),
            "Choose the unit or role that responded from the list (never a person's name)."),
        ["an escape sequence as the responder"] = ("RespondedBy", F(HomicideHost.Fiu(responded: "2026-11-02T10:00", by: "SCD1\u001b[31m FIU")),
            "Remove control characters (such as NUL, tab or line breaks) from who responded."),
        ["an unknown request type"] = ("RequestType", F(HomicideHost.Fiu(type: "bribe")),
            "Choose the type of request: a cash seizure, or advice or assistance to an SIO/IO/MIT."),
        ["a partner not in the strategy"] = ("Partners", P(HomicideHost.Project("Thematic group project", partners: ["Acme Consulting"])),
            "Not in the strategy's partner list: Acme Consulting. Choose from the list."),
        ["a lone surrogate in the objective"] = ("Objective", P(new PartnershipProjectForm { Name = "Thematic group project", Partners = ["GLA"], Objective = "Reduce \ud800 homicide", StartedOn = "2026-04-01", Status = "active" }),
            "The objective contains a broken character; type it again."),
        ["a completed project with no evidence"] = ("Evidence", P(HomicideHost.Project("Thematic group project", status: ProjectStatuses.Completed)),
            "Say what shows the completed project was supported (e.g. minutes, a product, funding)."),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_input_is_refused_with_a_message_beside_the_field_and_nothing_is_written(string input)
    {
        var (field, save, message) = Cases[input];

        var errors = await save(fixture.Host);

        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task The_api_answers_bad_input_422_with_the_problems_by_field_and_writes_nothing()
    {
        var responses = new[]
        {
            await fixture.Host.Client.PostAsJsonAsync("api/strands/homicide/investigations", new { operationName = "Operation Elmstead", openedOn = "2026-06-10", borough = "E09000099", status = "closed", outcome = "convicted-manslaughter", detectedOn = "2026-06-01" }),
            await fixture.Host.Client.PostAsJsonAsync("api/strands/homicide/fiu-requests", new { requestType = "cash-seizure", receivedAt = "2026-11-02T09:00", respondedAt = "2026-11-01T09:00", respondedBy = "SCD1 FIU manager" }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        var investigation = (await responses[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["Borough", "DetectedOn", "Outcome"], investigation.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var fiu = (await responses[1].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("The response cannot come before the request was received (2 Nov 2026 09:00).", fiu.GetProperty("RespondedAt")[0].GetString());
        // Malformed JSON is the host's 400, never a 500.
        using var broken = new StringContent("{\"operationName\":", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Host.Client.PostAsync("api/strands/homicide/investigations", broken)).StatusCode);
        await NothingWrittenAsync();
    }

    private async Task NothingWrittenAsync()
    {
        foreach (var table in new[] { "investigations", "fiu_requests", "partnership_projects", "outbox_messages" })
        {
            Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM strand_homicide.{table}"));
        }
    }

    private static Func<TestHost, Task<IReadOnlyDictionary<string, string[]>>> I(InvestigationForm form) =>
        async host => (await HomicideHost.SaveAsync(host, HomicideHost.Lead, form)).Errors;

    private static Func<TestHost, Task<IReadOnlyDictionary<string, string[]>>> F(FiuRequestForm form) =>
        async host => (await HomicideHost.SaveAsync(host, HomicideHost.Lead, form)).Errors;

    private static Func<TestHost, Task<IReadOnlyDictionary<string, string[]>>> P(PartnershipProjectForm form) =>
        async host => (await HomicideHost.SaveAsync(host, HomicideHost.Lead, form)).Errors;
}
