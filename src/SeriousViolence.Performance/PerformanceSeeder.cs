using SeriousViolence.Abstractions;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SeriousViolence.Performance.Importing;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Performance;

/// <summary>
/// Seeds the measure definitions (the strategy's success measures and targets, and the measures the MPS open data
/// feeds), the category-to-measure mapping and the geographies. Inserts what is missing and never overwrites: an
/// analyst's edits to a definition or mapping stand.
/// </summary>
public sealed class PerformanceSeeder(NpgsqlDataSource dataSource) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(
            typeof(PerformanceSeeder).Assembly.GetManifestResourceStream("SeriousViolence.Performance.Seed.measures.v1.json")!, cancellationToken: cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        foreach (var m in document.RootElement.GetProperty("measures").EnumerateArray())
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO performance.measures (code, name, description, strands, outcomes, unit, numerator, denominator, polarity, target_value,
                    target_date, target_text, baseline, frequency, geographies, data_source, marking, source_text)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                ON CONFLICT (code) DO NOTHING
                """, connection, transaction);
            object Text(string name) => m.GetProperty(name).ValueKind == JsonValueKind.String ? m.GetProperty(name).GetString()! : DBNull.Value;
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("code").GetString()! });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("name").GetString()! });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("description").GetString()! });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("strands").EnumerateArray().Select(s => s.GetString()!).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("outcomes").EnumerateArray().Select(s => s.GetInt32()).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("unit").GetString()! });
            insert.Parameters.Add(new NpgsqlParameter { Value = Text("numerator"), NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = Text("denominator"), NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("polarity").GetString()! });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("targetValue").ValueKind == JsonValueKind.Number ? m.GetProperty("targetValue").GetDecimal() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("targetDate").ValueKind == JsonValueKind.String ? DateOnly.Parse(m.GetProperty("targetDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
            insert.Parameters.Add(new NpgsqlParameter { Value = Text("targetText"), NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = Text("baseline"), NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("frequency").GetString()! });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("geographies").EnumerateArray().Select(s => s.GetString()!).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("dataSource").GetString()! });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.GetProperty("marking").GetString()! });
            insert.Parameters.Add(new NpgsqlParameter { Value = Text("sourceText"), NpgsqlDbType = NpgsqlDbType.Text });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var map in document.RootElement.GetProperty("mappings").EnumerateArray())
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO performance.category_mappings (family, major, minor, measure_code) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", connection, transaction);
            foreach (var field in new[] { "family", "major", "minor", "measure" })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = map.GetProperty(field).GetString()! });
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var places = new List<(string Code, string Name, string Kind)> { (Geographies.London, "London (MPS)", "london") };
        places.AddRange(Geographies.Boroughs.Select(b => (b.Key, b.Value, "borough")));
        places.AddRange(Geographies.PseudoBoroughs.Select(b => (b.Key, b.Value, "pseudo-borough")));
        foreach (var (code, name, kind) in places)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO performance.geographies (code, name, kind) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = code });
            insert.Parameters.Add(new NpgsqlParameter { Value = name });
            insert.Parameters.Add(new NpgsqlParameter { Value = kind });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
