using SeriousViolence.Strands.GangsCriminalNetworks.Networks;

namespace SeriousViolence.Strands.GangsCriminalNetworks.Sharing;

/// <summary>An information-sharing agreement as typed.</summary>
public sealed class AgreementForm
{
    public const int PartnerMax = 120;

    public const int PurposeMax = 300;

    public const int LegalBasisMax = 200;

    public string Partner { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string LegalBasis { get; set; } = "";

    public string StartsOn { get; set; } = "";

    public string ExpiresOn { get; set; } = "";

    internal Dictionary<string, string[]> Validate(out SharingAgreement? parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var partner = FormText.Text(errors, nameof(Partner), Partner, PartnerMax, "the partner organisation");
        var purpose = FormText.Text(errors, nameof(Purpose), Purpose, PurposeMax, "the purpose the partner may use the figures for");
        var basis = FormText.Text(errors, nameof(LegalBasis), LegalBasis, LegalBasisMax, "the legal basis for sharing (e.g. Crime and Disorder Act 1998, s.115)");
        var starts = FormText.Date(errors, nameof(StartsOn), StartsOn, "the day the agreement starts");
        var expires = FormText.Date(errors, nameof(ExpiresOn), ExpiresOn, "the day the agreement expires");
        if (starts is { } s && expires is { } e && e < s)
        {
            errors[nameof(ExpiresOn)] = [$"The agreement cannot expire ({e:yyyy-MM-dd}) before it starts ({s:yyyy-MM-dd})."];
        }
        else if (starts is { } s2 && expires is { } e2 && e2 > s2.AddYears(3))
        {
            errors[nameof(ExpiresOn)] = ["An agreement runs for at most three years: review it and record it again."];
        }

        parsed = errors.Count == 0
            ? new SharingAgreement { Partner = partner!, Purpose = purpose!, LegalBasis = basis!, StartsOn = starts!.Value, ExpiresOn = expires!.Value, CreatedBy = "", UpdatedBy = "" }
            : null;
        return errors;
    }
}

/// <summary>An export request: for a partner, the agreement it is made under; always a purpose.</summary>
public sealed class ExportForm
{
    public const int PurposeMax = 300;

    public string AgreementId { get; set; } = "";

    public string Purpose { get; set; } = "";

    internal Dictionary<string, string[]> Validate(bool needsAgreement, out (Guid? Agreement, string Purpose)? parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Guid? agreement = null;
        if (needsAgreement)
        {
            if (Guid.TryParse((AgreementId ?? "").Trim(), out var id))
            {
                agreement = id;
            }
            else
            {
                errors[nameof(AgreementId)] = ["Choose the information-sharing agreement the export is made under."];
            }
        }

        var purpose = FormText.Text(errors, nameof(Purpose), Purpose, PurposeMax, "the purpose of the export");
        parsed = errors.Count == 0 ? (agreement, purpose!) : null;
        return errors;
    }
}
