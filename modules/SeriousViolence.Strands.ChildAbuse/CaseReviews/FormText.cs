namespace SeriousViolence.Strands.ChildAbuse.CaseReviews;

/// <summary>
/// The checks every typed text field gets before it is stored: present (when required), not too long, no control
/// characters (line breaks only where the field is multi-line), no broken characters (a lone surrogate cannot be stored
/// as UTF-8, and PostgreSQL would refuse it with an error the person cannot act on).
/// </summary>
internal static class FormText
{
    /// <summary>The trimmed text, or null with the problem in <paramref name="error"/>.</summary>
    public static string? Check(string? text, string what, int maxLength, string? whenMissing, bool multiLine, out string? error)
    {
        var value = (text ?? "").Trim();
        error = null;
        if (value.Length == 0)
        {
            error = whenMissing;
            return error is null ? value : null;
        }

        if (value.Length > maxLength)
        {
            error = $"At most {maxLength:N0} characters (this has {value.Length:N0}).";
        }
        else if (value.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r')))
        {
            error = multiLine
                ? $"Remove control characters (such as NUL or tab) from {what}; line breaks are fine."
                : $"Remove control characters (such as NUL, tab or line breaks) from {what}.";
        }
        else if (!IsWellFormed(value))
        {
            error = $"There is a broken character in {what}; type it again.";
        }

        return error is null ? value.Replace("\r\n", "\n", StringComparison.Ordinal) : null;
    }

    private static bool IsWellFormed(string text)
    {
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
