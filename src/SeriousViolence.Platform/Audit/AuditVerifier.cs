using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SeriousViolence.Platform.Audit;

public sealed record AuditVerification(long Records, string HeadHash, long? FirstBrokenSeq, string? Problem)
{
    public bool Intact => FirstBrokenSeq is null;
}

/// <summary>
/// Walks the audit trail in order and recomputes every hash from the row's own fields: an edited row no longer matches
/// its hash, a deleted row leaves a gap in seq and a link that points at nothing. Names the first broken record.
/// </summary>
public sealed class AuditVerifier(NpgsqlDataSource dataSource)
{
    private static readonly string Genesis = new('0', 64);

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT r.seq, r.prev_hash, r.hash, platform.audit_payload(r) FROM platform.audit_records r ORDER BY r.seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long count = 0;
        long expectedSeq = 1;
        var previous = Genesis;
        while (await reader.ReadAsync(cancellationToken))
        {
            var seq = reader.GetInt64(0);
            var prevHash = reader.GetString(1);
            var hash = reader.GetString(2);
            var payload = reader.GetString(3);
            count++;
            if (seq != expectedSeq)
            {
                return new AuditVerification(count, previous, seq, $"record {expectedSeq} is missing (next is {seq}): a record was deleted");
            }

            if (!string.Equals(prevHash, previous, StringComparison.Ordinal))
            {
                return new AuditVerification(count, previous, seq, $"record {seq} does not follow the record before it (its link is {prevHash[..12]}..., the previous hash is {previous[..12]}...)");
            }

            var computed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
            if (!string.Equals(computed, hash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, previous, seq, $"record {seq} was changed after it was written (its contents no longer match its hash)");
            }

            previous = hash;
            expectedSeq++;
        }

        return new AuditVerification(count, previous, null, null);
    }
}
