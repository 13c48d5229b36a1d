using SeriousViolence.Abstractions;
using Npgsql;
using SeriousViolence.Performance.Api;
using SeriousViolence.Performance.Importing;

namespace SeriousViolence.Performance.Measures;

/// <summary>A place a measure is reported for: London (the force) or one of its boroughs (ONS GSS code).</summary>
public sealed record Place(string Code, string Name, string Kind);

/// <summary>Measure definitions and the places they are measured for, for the API and the pages alike.</summary>
public sealed class MeasureQueries(NpgsqlDataSource dataSource)
{
    private const string Columns =
        """
        SELECT m.code, m.name, m.description, m.strands, m.outcomes, m.unit, m.numerator, m.denominator, m.polarity, m.target_value, m.target_date,
               m.target_text, m.baseline, m.frequency, m.geographies, m.data_source, m.marking,
               (SELECT count(*) FROM performance.observations o WHERE o.measure_code = m.code)::int, m.declared, m.owner_strand, m.proxy
        FROM performance.measures m
        """;

    /// <summary>The measures a configured strand declares; one whose strand left keeps its history, unlisted.</summary>
    public async Task<IReadOnlyList<MeasureDto>> MeasuresAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Columns + " WHERE m.declared ORDER BY m.code");
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<MeasureDto?> MeasureAsync(string code, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Columns + " WHERE m.code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>London first, then the 33 boroughs by name; pseudo-boroughs and wards are not places to pick.</summary>
    public async Task<IReadOnlyList<Place>> PlacesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT code, name, kind FROM performance.geographies WHERE kind IN ('london', 'borough') ORDER BY kind = 'borough', name");
        var list = new List<Place>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new Place(r.GetString(0), r.GetString(1), r.GetString(2)));
        }

        return list;
    }

    /// <summary>The display name of a place code, falling back to the code itself.</summary>
    public static string NameOf(string code) =>
        code == Geographies.London ? "London" : Geographies.Boroughs.GetValueOrDefault(code, code);

    private static async Task<IReadOnlyList<MeasureDto>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var list = new List<MeasureDto>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new MeasureDto(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetFieldValue<int[]>(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetDecimal(9),
                r.IsDBNull(10) ? null : r.GetFieldValue<DateOnly>(10), r.IsDBNull(11) ? null : r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12),
                r.GetString(13), r.GetFieldValue<string[]>(14), r.GetString(15), r.GetString(16), r.GetInt32(17), r.GetBoolean(18),
                r.IsDBNull(19) ? null : r.GetString(19), r.IsDBNull(20) ? null : r.GetString(20)));
        }

        return list;
    }
}
