using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SeriousViolence.Governance.Cycle;
using SeriousViolence.Governance.People;
using SeriousViolence.Governance.Meetings;
using SeriousViolence.Governance.Notifications;
using SeriousViolence.Governance.Packs;
using SeriousViolence.Governance.Pages;
using SeriousViolence.Governance.Scheduling;
using SeriousViolence.Governance.Snapshots;
using SeriousViolence.Platform;
using SeriousViolence.Platform.Persistence;

namespace SeriousViolence.Governance;

public static class GovernanceServices
{
    /// <summary>The quarterly cycle, quarter records, notifications and the one Quartz scheduler (clustered, in PostgreSQL).</summary>
    public static IServiceCollection AddGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<GovernanceDbContext>(GovernanceDbContext.Schema, typeof(GovernanceDbContext).Assembly);
        services.AddOptions<CycleSettings>().Bind(configuration.GetSection(CycleSettings.Section)).Validate(s => { s.Validate(); return true; }).ValidateOnStart();
        services.Configure<DirectorySettings>(configuration.GetSection(DirectorySettings.Section));
        services.Configure<SmtpSettings>(configuration.GetSection(SmtpSettings.Section));
        services.Configure<PackSettings>(configuration.GetSection(PackSettings.Section));
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddScoped<BoardPacks>();
        services.AddScoped<MeetingPacks>();
        services.AddSingleton<IGovernanceDirectory, ConfiguredGovernanceDirectory>();
        services.AddScoped<GovernanceNotifier>();
        services.AddSingleton<NotificationSignal>();
        services.AddScoped<BoardReadModelSource>();
        services.AddScoped<QuarterSnapshots>();
        services.AddScoped<QuarterlyCycle>();
        services.AddScoped<QuarterQueries>();
        services.AddScoped<EmailDispatcher>();
        services.AddScoped<JobsAdmin>();
        services.AddScoped<MeetingCommands>();
        services.AddScoped<MeetingQueries>();
        services.AddScoped<InAppNotifications>();
        services.AddSingleton<SeriousViolence.Abstractions.IStrandPageSection, ActionsArisingPageSection>();
        AddScheduler(services, configuration);
        return services;
    }

    /// <summary>Governance's consumers, listed explicitly.</summary>
    public static void AddGovernanceConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<GovernanceSubmissionConsumer>();
        bus.AddConsumer<StrandNoticeConsumer>();
    }

    /// <summary>
    /// Quartz 4 through its own DI/hosting integration: the ADO job store in schema governance (tables made by our
    /// migration 0001, checked by Quartz at start), clustered so that every host instance against the database shares
    /// the jobs and each firing runs on one of them. Strand jobs join the same scheduler (<see cref="StrandJobs"/>).
    /// Misfire policy: docs/decisions/0003-quartz-scheduling.md.
    /// </summary>
    private static void AddScheduler(IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SchedulerSettings.Section).Get<SchedulerSettings>() ?? new SchedulerSettings();
        services.AddSingleton(settings);
        var connectionString = DatabaseSettings.Read(configuration).ConnectionString;
        // Registered by the platform (AddSeriousViolencePlatform) before Governance, one per job a strand declares.
        var strandJobs = StrandJobs.Registrations(services);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = settings.Name;
                o.GenerateInstanceId = true;
            });
            // Quartz keeps real time: it only wakes the jobs, which read the platform's TimeProvider themselves.
            q.UseTimeProvider(TimeProvider.System);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c => c.CheckinInterval = settings.ClusterCheckinInterval);
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = "governance.qrtz_";
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                    o.MisfireThreshold = settings.MisfireThreshold;
                    o.StoreJobDataAsStrings = true;
                });
            });
            q.ScheduleJob<QuarterlyCycleJob>(
                t => t.WithIdentity(QuarterlyCycleJob.Name).WithDescription("Opens reporting windows, reminds strands, locks quarters and takes their records.")
                    .WithCronSchedule(settings.QuarterlyCycleCron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                j => j.WithIdentity(QuarterlyCycleJob.Name).WithDescription("The financial-year quarterly cycle."));
            q.ScheduleJob<EmailOutboxJob>(
                t => t.WithIdentity(EmailOutboxJob.Name).WithDescription("Sends the e-mail outbox through SMTP.")
                    .WithCronSchedule(settings.EmailOutboxCron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)),
                j => j.WithIdentity(EmailOutboxJob.Name).WithDescription("E-mail notifications."));
            q.ScheduleJob<MeetingPacksJob>(
                t => t.WithIdentity(MeetingPacksJob.Name).WithDescription("Issues the pack of each Board meeting in the coming week.")
                    .WithCronSchedule(settings.MeetingPacksCron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                j => j.WithIdentity(MeetingPacksJob.Name).WithDescription("Board packs for the monthly meetings."));
            StrandJobs.Schedule(q, strandJobs, configuration, new HashSet<string>(StringComparer.Ordinal) { QuarterlyCycleJob.Name, EmailOutboxJob.Name, MeetingPacksJob.Name });
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AutoStart = settings.Start;
        });
    }
}

/// <summary>Adds the Board's actions arising to every strand's page, after the action plan.</summary>
internal sealed class ActionsArisingPageSection : SeriousViolence.Abstractions.IStrandPageSection
{
    public int Order => 20;

    public Type ComponentType => typeof(ActionsArisingSection);
}
