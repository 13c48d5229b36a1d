namespace SeriousViolence.Abstractions;

/// <summary>
/// Something only a strand does (e.g. "record a disruption"), declared by that strand's plugin and decided by
/// <see cref="AccessPolicy"/>: held by the strand's leads and, unless <see cref="LeadsOnly"/>, its action owners; never
/// by anyone for another strand.
/// </summary>
/// <param name="Code">Stable code, lower-case with hyphens, unique within the strand (e.g. "record-disruption").</param>
/// <param name="Description">What it lets a person do, as a refusal says it: "record a disruption".</param>
/// <param name="LeadsOnly">True when action owners may not do it (approving a return, for example).</param>
public sealed record StrandCapability(string Code, string Description, bool LeadsOnly = false);
