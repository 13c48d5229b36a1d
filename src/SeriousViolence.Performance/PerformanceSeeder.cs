using Npgsql;
using NpgsqlTypes;
using SeriousViolence.Abstractions;
using SeriousViolence.Platform.Plugins;
using SeriousViolence.Platform.Startup;

namespace SeriousViolence.Performance;

/// <summary>
/// Stores the measures the loaded strand plugins declare (<see cref="PluginRegistry.Measures"/>): a new measure is
/// inserted whole; an existing one gets its owner (strand and plugin module) and strands from the declaration and is
/// marked declared, and nothing else of it changes (definitions will be editable by analysts) except whether it is a
/// proxy, which the declaring strand decides: a change there is the definition's next revision, so the Board follows. A measure no loaded
/// plugin declares is marked undeclared: its strand left the configuration, so it is not listed, announced or
/// recorded, and its history is kept. Also inserts the category feeds the declarations name when missing (mappings an
/// analyst added stand) and the geographies.
/// </summary>
public sealed class PerformanceSeeder(NpgsqlDataSource dataSource, PluginRegistry plugins) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var declarations = plugins.Measures.ToList();

        foreach (var (owner, module, m) in declarations)
        {
            await using var upsert = new NpgsqlCommand(
                """
                INSERT INTO performance.measures (code, name, description, strands, outcomes, unit, numerator, denominator, polarity, target_value,
                    target_date, target_text, baseline, frequency, geographies, data_source, marking, source_text, owner_strand, owner_module, declared, proxy)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, true, $21)
                ON CONFLICT (code) DO UPDATE
                SET owner_strand = excluded.owner_strand, owner_module = excluded.owner_module, strands = excluded.strands, declared = true,
                    proxy = excluded.proxy,
                    revision = performance.measures.revision + CASE WHEN performance.measures.proxy IS DISTINCT FROM excluded.proxy THEN 1 ELSE 0 END
                """, connection, transaction);
            upsert.Parameters.Add(new NpgsqlParameter { Value = m.Code });
            upsert.Parameters.Add(new NpgsqlParameter { Value = m.Name });
            upsert.Parameters.Add(new NpgsqlParameter { Value = m.Description });
            upsert.Parameters.Add(new NpgsqlParameter { Value = new[] { owner }.Concat(m.AlsoServes.Where(s => s != owner)).Distinct(StringComparer.Ordinal).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = m.Outcomes.ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = m.Unit });
            upsert.Parameters.Add(Nullable(m.Numerator, NpgsqlDbType.Text));
            upsert.Parameters.Add(Nullable(m.Denominator, NpgsqlDbType.Text));
            upsert.Parameters.Add(new NpgsqlParameter { Value = m.Polarity });
            upsert.Parameters.Add(Nullable(m.TargetValue, NpgsqlDbType.Numeric));
            upsert.Parameters.Add(Nullable(m.TargetDate, NpgsqlDbType.Date));
            upsert.Parameters.Add(Nullable(m.TargetText, NpgsqlDbType.Text));
            upsert.Parameters.Add(Nullable(m.Baseline, NpgsqlDbType.Text));
            upsert.Parameters.Add(new NpgsqlParameter { Value = m.Frequency });
            upsert.Parameters.Add(new NpgsqlParameter { Value = m.Geographies.ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = m.DataSource });
            upsert.Parameters.Add(new NpgsqlParameter { Value = m.Marking });
            upsert.Parameters.Add(Nullable(m.SourceText, NpgsqlDbType.Text));
            upsert.Parameters.Add(new NpgsqlParameter { Value = owner });
            upsert.Parameters.Add(new NpgsqlParameter { Value = module });
            upsert.Parameters.Add(Nullable(m.Proxy?.Trim(), NpgsqlDbType.Text));
            await upsert.ExecuteNonQueryAsync(cancellationToken);

            foreach (var feed in m.Mappings)
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO performance.category_mappings (family, major, minor, measure_code) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", connection, transaction);
                insert.Parameters.Add(new NpgsqlParameter { Value = feed.Family });
                insert.Parameters.Add(new NpgsqlParameter { Value = feed.Major });
                insert.Parameters.Add(new NpgsqlParameter { Value = feed.Minor });
                insert.Parameters.Add(new NpgsqlParameter { Value = m.Code });
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // Whatever no loaded plugin declares has left the configuration with its strand.
        await using (var withdraw = new NpgsqlCommand("UPDATE performance.measures SET declared = false WHERE declared AND NOT (code = ANY($1))", connection, transaction))
        {
            withdraw.Parameters.Add(new NpgsqlParameter { Value = declarations.Select(d => d.Measure.Code).ToArray() });
            await withdraw.ExecuteNonQueryAsync(cancellationToken);
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

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
