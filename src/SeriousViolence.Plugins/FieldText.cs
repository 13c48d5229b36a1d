namespace SeriousViolence.Plugins;

/// <summary>
/// The checks every free-text field of a strand makes before anything is stored: present if required, within its
/// length, no control characters (NUL, tabs, line breaks unless allowed), no broken characters (a lone surrogate, which
/// PostgreSQL cannot store as UTF-8). Each answer is a sentence to show beside the field, or null when the text is fine.
/// Every strand uses these, so the same mistake gets the same words everywhere.
/// </summary>
public static class FieldText
{
    public static string? Problem(string? text, int maxLength, string what, bool required = true, bool allowLineBreaks = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(what);
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            return required ? $"Give {what}." : null;
        }

        if (value.Length > maxLength)
        {
            return $"At most {maxLength:N0} characters (this has {value.Length:N0}).";
        }

        if (value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r')))
        {
            return allowLineBreaks
                ? $"Remove control characters (such as NUL or tab) from {what}; line breaks are fine."
                : $"Remove control characters (such as NUL, tab or line breaks) from {what}.";
        }

        return IsWellFormed(value) ? null : $"{char.ToUpperInvariant(what[0])}{what[1..]} contains a broken character; type it again.";
    }

    /// <summary>
    /// The text as it is to be stored (trimmed, line breaks as <c>\n</c>; empty when optional and not given), or null
    /// with the sentence for the field in <paramref name="problem"/>. <paramref name="whenMissing"/> replaces the
    /// "Give ..." sentence for a required field.
    /// </summary>
    public static string? Clean(string? text, int maxLength, string what, out string? problem, bool required = true, bool allowLineBreaks = false, string? whenMissing = null)
    {
        var value = (text ?? "").Trim();
        problem = value.Length == 0 && required && whenMissing is not null
            ? whenMissing
            : Problem(value, maxLength, what, required, allowLineBreaks);
        return problem is null ? value.Replace("\r\n", "\n", StringComparison.Ordinal) : null;
    }

    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
