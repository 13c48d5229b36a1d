namespace SeriousViolence.Performance.Spc;

/// <summary>
/// One observation. <see cref="Period"/> is the caller's key for it ("2024-04", "2024/25 Q1"): it labels the point and
/// names it in <see cref="SpcOptions.RebaseAt"/>. Points are analysed in the order given, which must be time order
/// (NHSRplotthedots sorts by its date column; we cannot sort arbitrary keys, so the caller does).
/// </summary>
public sealed record SpcPoint(string Period, double Value);
