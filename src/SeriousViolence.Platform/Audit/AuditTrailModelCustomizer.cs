using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SeriousViolence.Plugins;

namespace SeriousViolence.Platform.Audit;

/// <summary>
/// Maps the audit trail into every strand's context after the strand's own model, so that the audit interceptor can
/// write each change's record in the same transaction. A strand may not reference Platform, so it cannot call
/// <see cref="AuditModel.MapAuditTrail"/> as the core contexts do; the platform adds it when it registers the context.
/// </summary>
internal sealed class AuditTrailModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        modelBuilder.MapAuditTrail();
        modelBuilder.ApplySnakeCaseNames();
    }
}
