using System.Reflection;
using SeriousViolence.Board.ReadModel;
using SeriousViolence.Governance;
using SeriousViolence.Performance;
using SeriousViolence.Plans;
using SeriousViolence.Platform.Strands;
using SeriousViolence.Security;

namespace SeriousViolence.Web;

/// <summary>The assemblies, besides the host's own, whose pages the router serves: the Board, Plans, Performance, Governance, Security (sign-in, users, audit) and each enabled strand.</summary>
internal static class RoutedAssemblies
{
    public static IEnumerable<Assembly> From(StrandCatalog catalog) =>
        new[] { typeof(BoardDbContext).Assembly, typeof(PlansDbContext).Assembly, typeof(PerformanceServices).Assembly, typeof(GovernanceDbContext).Assembly, typeof(SecurityServices).Assembly }.Concat(catalog.Assemblies);
}
