using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SeriousViolence.Plugins;

/// <summary>
/// The answers a strand's API gives when a command refuses its input, the same shape for every strand: 422 with the
/// problems by field (the messages a page shows beside each field), 409 when the record changed since it was read.
/// </summary>
public static class StrandResults
{
    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors, string title = "Not saved: some fields need changing")
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
        });
    }

    public static ProblemHttpResult Conflict(string detail, string title = "Changed since you read it") =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
