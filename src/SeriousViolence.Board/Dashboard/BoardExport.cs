using System.Text;
using SeriousViolence.Abstractions;
using SeriousViolence.Abstractions.Csv;

namespace SeriousViolence.Board.Dashboard;

/// <summary>
/// Every export of the Board (the agenda CSV, the printable views) asks here first, so that the audit record export
/// needs can be added in one place. Every export carries the protective marking.
/// </summary>
public static class BoardExport
{
    public static bool Allows(Actor actor) => AccessPolicy.Allows(actor, Capability.Export);

    /// <summary>Checks <see cref="Capability.Export"/> for a named export; throws <see cref="AccessDeniedException"/>.</summary>
    public static void Ensure(Actor actor, string what)
    {
        ArgumentNullException.ThrowIfNull(what);
        AccessPolicy.Ensure(actor, Capability.Export);
    }

    /// <summary>The draft agenda as CSV: the marking as the first and the last line.</summary>
    public static string AgendaCsv(Actor actor, BoardPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        Ensure(actor, "board agenda CSV");
        var marking = BoardPicture.Marking.Label();
        var sb = new StringBuilder();
        CsvText.Row(sb, marking);
        CsvText.Row(sb, $"Serious Violence Strategy Board: draft agenda (exceptions), {picture.Quarter}, as at {BoardText.When(picture.AsAt)}");
        CsvText.Row(sb, "Item", "Severity", "Kind", "Strand", "Subject", "Detail");
        var item = 0;
        foreach (var e in picture.Exceptions)
        {
            CsvText.Row(sb, (++item).ToString(BoardText.EnGb), e.Severity.ToString(), e.KindLabel, e.StrandName ?? "", e.Subject, e.Detail);
        }

        CsvText.Row(sb, marking);
        return sb.ToString();
    }
}
