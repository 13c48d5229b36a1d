using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Audit;
using SeriousViolence.Platform.Security;

namespace SeriousViolence.Performance.Api;

public sealed record CategoryMappingDto(int Id, string Family, string Major, string Minor, string MeasureCode);

public sealed record NewCategoryMapping(string Family, string Major, string Minor, string MeasureCode);

/// <summary>
/// The mapping from published offence categories to measures, which analysts edit as the MPS revises its categories.
/// Takes effect from the next import; already imported observations are not recomputed (re-import the file).
/// </summary>
public static class MappingApi
{
    private static readonly string[] Families = ["recorded-crime", "knife-dashboard"];

    public static void MapMappingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/category-mappings").WithTags("Imports").RequireCapability(Capability.ViewBoard);
        group.MapGet("/", async (NpgsqlDataSource db, CancellationToken ct) =>
        {
            var list = new List<CategoryMappingDto>();
            await using var command = db.CreateCommand("SELECT id, family, major, minor, measure_code FROM performance.category_mappings ORDER BY family, measure_code, major, minor");
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                list.Add(new CategoryMappingDto(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
            }

            return list;
        })
        .WithName("GetCategoryMappings")
        .WithSummary("Which published offence category (family, major, minor) feeds which measure.");

        group.MapPost("/", async Task<IResult> (NewCategoryMapping mapping, NpgsqlDataSource db, ICurrentActor currentActor, AuditTrail audit, CancellationToken ct) =>
        {
            var actor = await currentActor.GetAsync(ct);
            AccessPolicy.Ensure(actor, Capability.ImportData);
            var errors = new Dictionary<string, string[]>();
            if (!Families.Contains(mapping.Family))
            {
                errors["family"] = [$"Use one of: {string.Join(", ", Families)}."];
            }

            if (string.IsNullOrWhiteSpace(mapping.Major))
            {
                errors["major"] = ["Give the major category as the file writes it (any case)."];
            }

            if (string.IsNullOrWhiteSpace(mapping.Minor))
            {
                errors["minor"] = ["Give the minor category (for the knife dashboard: the measure, e.g. Offences)."];
            }

            await using (var exists = db.CreateCommand("SELECT declared FROM performance.measures WHERE code = $1"))
            {
                exists.Parameters.Add(new NpgsqlParameter { Value = mapping.MeasureCode ?? "" });
                var declared = await exists.ExecuteScalarAsync(ct);
                if (declared is null)
                {
                    errors["measureCode"] = [$"'{mapping.MeasureCode}' is not a measure; GET /api/measures lists them."];
                }
                else if (declared is false)
                {
                    errors["measureCode"] = [$"The measure '{mapping.MeasureCode}' belongs to a strand that is not configured on this platform; nothing can feed it."];
                }
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            await using var insert = db.CreateCommand(
                "INSERT INTO performance.category_mappings (family, major, minor, measure_code) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id");
            insert.Parameters.Add(new NpgsqlParameter { Value = mapping.Family });
            insert.Parameters.Add(new NpgsqlParameter { Value = mapping.Major.Trim().ToUpperInvariant() });
            insert.Parameters.Add(new NpgsqlParameter { Value = mapping.Minor.Trim().ToUpperInvariant() });
            insert.Parameters.Add(new NpgsqlParameter { Value = mapping.MeasureCode });
            var id = await insert.ExecuteScalarAsync(ct);
            if (id is int added)
            {
                await audit.RecordAsync(actor, new AuditEvent(AuditKinds.Change, $"added category mapping {mapping.Family}: {mapping.Major} / {mapping.Minor} -> {mapping.MeasureCode}", "performance.category_mappings", added.ToString(System.Globalization.CultureInfo.InvariantCulture), After: mapping), ct);
            }

            return id is int created
                ? TypedResults.Created($"/api/category-mappings/{created}", new CategoryMappingDto(created, mapping.Family, mapping.Major.Trim().ToUpperInvariant(), mapping.Minor.Trim().ToUpperInvariant(), mapping.MeasureCode!))
                : TypedResults.Conflict("This mapping exists already.");
        })
        .DisableAntiforgery()
        .WithName("PostCategoryMapping")
        .WithSummary("Adds a mapping; it applies from the next import.");

        group.MapDelete("/{id:int}", async Task<IResult> (int id, NpgsqlDataSource db, ICurrentActor currentActor, AuditTrail audit, CancellationToken ct) =>
        {
            var actor = await currentActor.GetAsync(ct);
            AccessPolicy.Ensure(actor, Capability.ImportData);
            await using var delete = db.CreateCommand("DELETE FROM performance.category_mappings WHERE id = $1 RETURNING family, major, minor, measure_code");
            delete.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await delete.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return TypedResults.NotFound();
            }

            var removed = new NewCategoryMapping(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            await reader.DisposeAsync();
            await audit.RecordAsync(actor, new AuditEvent(AuditKinds.Change, $"removed category mapping {removed.Family}: {removed.Major} / {removed.Minor} -> {removed.MeasureCode}", "performance.category_mappings", id.ToString(System.Globalization.CultureInfo.InvariantCulture), Before: removed), ct);
            return TypedResults.NoContent();
        })
        .DisableAntiforgery()
        .WithName("DeleteCategoryMapping")
        .WithSummary("Removes a mapping; it applies from the next import.");
    }
}
