using System.Text;

namespace SeriousViolence.Performance.Importing;

/// <summary>
/// Reads RFC 4180 CSV one record at a time with the line number it starts on (quoted fields may hold commas, quotes
/// and line breaks). Small and ours, so that error reports can name the exact line.
/// </summary>
internal static class CsvLines
{
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (!(fields.Count == 1 && fields[0].Length == 0))
                    {
                        yield return (start, fields.ToArray());
                    }

                    fields.Clear();
                    line++;
                    start = line;
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (any || fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                yield return (start, fields.ToArray());
            }
        }
    }
}
