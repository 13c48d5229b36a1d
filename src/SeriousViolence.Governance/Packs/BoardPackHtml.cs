using System.Globalization;
using System.Net;
using System.Text;
using SeriousViolence.Abstractions;
using SeriousViolence.Governance.Snapshots;

namespace SeriousViolence.Governance.Packs;

/// <summary>
/// The Board pack as one self-contained HTML document (inline CSS and SVG, nothing fetched), printable on A4: cover with
/// the protective marking, the exceptions agenda, strand summaries, the measure icon table and control charts. The
/// marking is in a fixed header and footer, which Chromium repeats on every printed page; the whole body sits in one
/// table whose empty header and footer rows (also repeated on every page) keep the content clear of them.
/// </summary>
public static class BoardPackHtml
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Render(QuarterPicture picture, Guid snapshotId, ProtectiveMarking marking)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return Document(
            $"Board pack: {picture.Quarter}",
            $"As at the quarter's lock, {picture.TakenAt.ToString("d MMMM yyyy HH:mm", Uk)} UTC. Quarter record {snapshotId}.",
            "This pack is issued once from the quarter record and never changed; corrections after the lock appear as revisions of the record.",
            marking,
            h => Exceptions(h, picture),
            picture);
    }

    /// <summary>A monthly meeting's pack: its agenda (drawn from the exceptions and actions arising, as edited) first.</summary>
    public static string RenderMeeting(Meetings.MeetingView meeting, QuarterPicture picture, ProtectiveMarking marking, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(picture);
        var m = meeting.Meeting;
        return Document(
            $"Board pack: meeting of {m.HeldOn.ToString("d MMMM yyyy", Uk)}",
            $"{m.Title}. Issued {issuedAt.ToString("d MMMM yyyy HH:mm", Uk)} UTC; quarterly updates as for {picture.Quarter}.",
            m.Attendees.Count == 0 ? "Attendees not yet recorded." : "Attendees: " + string.Join(", ", m.Attendees) + ".",
            marking,
            h =>
            {
                h.Append("<section><h2>Agenda</h2><ol>");
                foreach (var item in meeting.Agenda)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<li><strong>{E(item.Title)}</strong><br>{E(item.Detail).Replace("\n", "<br>", StringComparison.Ordinal)}</li>");
                }

                h.Append("</ol></section>");
            },
            picture);
    }

    private static string Document(string heading, string asAt, string note, ProtectiveMarking marking, Action<StringBuilder> first, QuarterPicture picture)
    {
        var label = marking.Label();
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8">
            <title>{{E(label)}} - {{E(heading)}}</title>
            <style>
            @page { size: A4; margin: 8mm 16mm; }
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
            .marking { position: fixed; left: 0; right: 0; text-align: center; font-weight: bold; letter-spacing: .08em; font-size: 10pt; }
            .marking.top { top: 0; } .marking.bottom { bottom: 0; }
            table.page { width: 100%; border: 0; margin: 0; } table.page > * > tr > td { border: 0; padding: 0; } .space { height: 12mm; }
            @media screen { .marking { position: static; background: #eee; padding: 4px; } .space { height: 0; } body { margin: 1em; } }
            section { page-break-before: always; } section.cover { page-break-before: auto; }
            .cover h1 { font-size: 24pt; margin-top: 50mm; } .cover .big { font-size: 18pt; font-weight: bold; border: 2px solid #111; display: inline-block; padding: 4px 12px; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; } th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
            th { background: #eee; } .Red { color: #a00; font-weight: bold; } .Amber { color: #a60; font-weight: bold; } .Green { color: #060; }
            .chart { display: inline-block; width: 48%; margin: 0 1% 10px 0; page-break-inside: avoid; } .chart h4 { margin: 4px 0; font-size: 9pt; }
            </style></head><body>
            <div class="marking top">{{E(label)}}</div><div class="marking bottom">{{E(label)}}</div>
            <table class="page"><thead><tr><td><div class="space"></div></td></tr></thead>
            <tfoot><tr><td><div class="space"></div></td></tr></tfoot><tbody><tr><td>
            <section class="cover">
            <h1>Serious Violence Strategy Board</h1>
            <h2>{{E(heading)}}</h2>
            <p class="big">{{E(label)}}</p>
            <p>{{E(asAt)}}</p>
            <p>{{E(note)}}</p>
            </section>
            """);
        first(h);
        Strands(h, picture);
        Measures(h, picture);
        h.Append("</td></tr></tbody></table></body></html>");
        return h.ToString();
    }

    private static void Exceptions(StringBuilder h, QuarterPicture picture)
    {
        h.Append("<section><h2>Exceptions agenda</h2>");
        var missing = picture.Strands.Where(s => s.Submission != "on time").ToList();
        h.Append("<h3>1. Quarterly updates not submitted on time</h3>");
        if (missing.Count == 0)
        {
            h.Append("<p>Every strand submitted its update on time.</p>");
        }
        else
        {
            h.Append("<table><tr><th>Strand</th><th>Position at the lock</th></tr>");
            foreach (var s in missing)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{s.Number}. {E(s.Name)}</td><td>{E(s.Submission)}</td></tr>");
            }

            h.Append("</table>");
        }

        var flagged = picture.Strands.SelectMany(s => s.Objectives.Where(IsException).Select(o => (s, o))).ToList();
        h.Append("<h3>2. Objectives rated Red, at risk or off track</h3>");
        if (flagged.Count == 0)
        {
            h.Append("<p>No objective is rated Red, at risk or off track.</p>");
        }
        else
        {
            h.Append("<table><tr><th>Strand</th><th>Objective</th><th>Status</th><th>RAG</th><th>%</th></tr>");
            foreach (var (s, o) in flagged)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Name)}</td><td>{E(o.Text)}</td><td>{E(o.Status)}</td><td class=\"{E(o.Rag ?? "")}\">{E(o.Rag ?? "not assessed")}</td><td>{o.PercentComplete}</td></tr>");
            }

            h.Append("</table>");
        }

        var special = picture.Measures.Where(m => m.Variation is { } v && v != "CommonCause").ToList();
        h.Append("<h3>3. Measures showing special-cause variation</h3>");
        h.Append(special.Count == 0
            ? "<p>No measure shows special-cause variation at its latest point.</p>"
            : "<ul>" + string.Concat(special.Select(m => $"<li>{E(m.MeasureCode)}: {E(Variation(m.Variation))} ({E(m.LatestPeriod)})</li>")) + "</ul>");
        h.Append("</section>");
    }

    private static void Strands(StringBuilder h, QuarterPicture picture)
    {
        h.Append("<section><h2>Strand summaries</h2><table><tr><th>Strand</th><th>Update</th><th>Objectives</th><th>Red</th><th>Amber</th><th>Green</th><th>Not assessed</th><th>Complete</th></tr>");
        foreach (var s in picture.Strands)
        {
            int Rag(string? r) => s.Objectives.Count(o => o.Rag == r);
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{s.Number}. {E(s.Name)}</td><td>{E(s.Submission)}{(s.SubmittedBy is null ? "" : " (" + E(s.SubmittedBy) + ")")}</td><td>{s.Objectives.Count}</td><td>{Rag("Red")}</td><td>{Rag("Amber")}</td><td>{Rag("Green")}</td><td>{Rag(null)}</td><td>{s.Objectives.Count(o => o.Status == "Complete")}</td></tr>");
        }

        h.Append("</table><h3>Objectives by status, all strands</h3><table><tr>");
        foreach (var (status, _) in picture.ObjectivesByStatus)
        {
            h.Append(CultureInfo.InvariantCulture, $"<th>{E(status)}</th>");
        }

        h.Append("</tr><tr>");
        foreach (var (_, count) in picture.ObjectivesByStatus)
        {
            h.Append(CultureInfo.InvariantCulture, $"<td>{count}</td>");
        }

        h.Append("</tr></table></section>");
    }

    private static void Measures(StringBuilder h, QuarterPicture picture)
    {
        h.Append("<section><h2>Measures: icon table</h2>");
        if (picture.Measures.Count == 0)
        {
            h.Append("<p>No measure values had reached the Board at the lock.</p></section>");
            return;
        }

        h.Append("<table><tr><th>Measure</th><th>Latest month</th><th>London</th><th>Variation</th><th>Months</th></tr>");
        foreach (var m in picture.Measures)
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(m.MeasureCode)}</td><td>{E(m.LatestPeriod)}</td><td>{m.LatestValue.ToString("N0", Uk)}</td><td>{E(Variation(m.Variation))}</td><td>{m.Points}</td></tr>");
        }

        h.Append("</table><h2>Control charts (London, last 24 months)</h2>");
        foreach (var m in picture.Measures.Where(m => m.Chart.Count > 1))
        {
            h.Append(CultureInfo.InvariantCulture, $"<div class=\"chart\"><h4>{E(m.MeasureCode)}</h4>{Chart(m)}</div>");
        }

        h.Append("</section>");
    }

    /// <summary>An XmR chart as SVG: the values, the mean (solid) and the process limits (dashed); special-cause points filled.</summary>
    private static string Chart(MeasurePicture m)
    {
        const double width = 320, height = 150, pad = 8;
        var values = m.Chart.Select(p => p.Value).Concat(new[] { m.LowerProcessLimit, m.UpperProcessLimit, m.Mean }.Where(v => v is not null).Select(v => v!.Value)).ToList();
        var (lo, hi) = (values.Min(), values.Max());
        if (hi - lo < 1e-9)
        {
            hi = lo + 1;
        }

        double X(int i) => pad + (i * (width - (2 * pad)) / Math.Max(1, m.Chart.Count - 1));
        double Y(double v) => height - pad - ((v - lo) * (height - (2 * pad)) / (hi - lo));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" role=\"img\" aria-label=\"Control chart of {E(m.MeasureCode)}\">");
        void Line(double? v, string dash)
        {
            if (v is { } y)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(pad)}\" x2=\"{F(width - pad)}\" y1=\"{F(Y(y))}\" y2=\"{F(Y(y))}\" stroke=\"#555\" stroke-dasharray=\"{dash}\"/>");
            }
        }

        Line(m.Mean, "none");
        Line(m.LowerProcessLimit, "4 3");
        Line(m.UpperProcessLimit, "4 3");
        svg.Append("<polyline fill=\"none\" stroke=\"#1d4f91\" stroke-width=\"1.5\" points=\"");
        svg.AppendJoin(' ', m.Chart.Select((p, i) => F(X(i)) + "," + F(Y(p.Value))));
        svg.Append("\"/>");
        for (var i = 0; i < m.Chart.Count; i++)
        {
            var special = m.Chart[i].Variation != "CommonCause";
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(m.Chart[i].Value))}\" r=\"2.5\" fill=\"{(special ? "#e07b00" : "#1d4f91")}\"/>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static bool IsException(ObjectivePicture o) => o.Rag == "Red" || o.Status is "AtRisk" or "OffTrack";

    private static string Variation(string? icon) => icon switch
    {
        null => "not enough data",
        "CommonCause" => "common cause",
        "SpecialCauseNeitherHigh" => "special cause, high",
        "SpecialCauseNeitherLow" => "special cause, low",
        _ => icon,
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
