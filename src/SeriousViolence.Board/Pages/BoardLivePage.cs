using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SeriousViolence.Abstractions;
using SeriousViolence.Board.ReadModel;

namespace SeriousViolence.Board.Pages;

/// <summary>
/// What every live Board page shares: the actor's ViewBoard check, a load in a scope of its own, and a refresh whenever
/// the read model changes. Notifications are coalesced (a burst of messages causes one reload after the one running)
/// and never make the consumer wait for a page to render.
/// </summary>
public abstract class BoardLivePage : ComponentBase, IDisposable
{
    private bool _refreshing;
    private bool _again;
    private bool _parametersSeen;

    [Inject]
    private BoardNotifier Notifier { get; set; } = default!;

    [Inject]
    private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject]
    private ICurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private IRefusalLog Refusals { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected Actor? Actor { get; private set; }

    /// <summary>Set when the actor may not view the Board; the page shows it instead of the content.</summary>
    protected string? Denied { get; private set; }

    /// <summary>True once something has been loaded.</summary>
    protected bool Loaded { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        Notifier.Changed += OnBoardChanged;
        await RefreshAsync();
    }

    /// <summary>The first parameters come with initialisation, which has loaded; later ones (a new route value) load again.</summary>
    protected override async Task OnParametersSetAsync()
    {
        if (_parametersSeen)
        {
            await RefreshAsync();
        }

        _parametersSeen = true;
    }

    /// <summary>Loads the page's data with services from a fresh scope.</summary>
    protected abstract Task LoadAsync(IServiceProvider services, Actor actor, CancellationToken cancellationToken);

    protected async Task RefreshAsync()
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        Actor = await CurrentActor.GetAsync();
        if (!AccessPolicy.Allows(Actor, Capability.ViewBoard))
        {
            // Recorded once, from the page request (the interactive render that follows asks again).
            if (Denied is null && !RendererInfo.IsInteractive)
            {
                Denied = $"{Actor.DisplayName} may not {AccessPolicy.Describe(Capability.ViewBoard)}.";
                await Refusals.RecordDeniedAsync(new AccessDeniedException(Actor, Capability.ViewBoard, null, Denied), "GET /" + Navigation.ToBaseRelativePath(Navigation.Uri), CancellationToken.None);
            }

            Denied = $"{Actor.DisplayName} may not {AccessPolicy.Describe(Capability.ViewBoard)}.";
            return;
        }

        await LoadAsync(scope.ServiceProvider, Actor, CancellationToken.None);
        Loaded = true;
    }

    private Task OnBoardChanged()
    {
        _ = InvokeAsync(async () =>
        {
            if (_refreshing)
            {
                _again = true;
                return;
            }

            _refreshing = true;
            try
            {
                do
                {
                    _again = false;
                    await RefreshAsync();
                    StateHasChanged();
                }
                while (_again);
            }
            catch (ObjectDisposedException)
            {
                // The circuit closed during the reload; nothing left to update.
            }
            finally
            {
                _refreshing = false;
            }
        });
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Notifier.Changed -= OnBoardChanged;
        GC.SuppressFinalize(this);
    }
}
