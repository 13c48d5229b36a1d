using Microsoft.AspNetCore.Components;
using SeriousViolence.Abstractions;

namespace SeriousViolence.Ui;

/// <summary>
/// The highest protective marking of what is on screen. Pages report the markings of the records they show; the
/// banner at the top and bottom of every page shows the highest. It starts at OFFICIAL (everything here is at least
/// that) and resets when the person navigates.
/// </summary>
public sealed class PageMarking : IDisposable
{
    private readonly NavigationManager _navigation;

    public PageMarking(NavigationManager navigation)
    {
        _navigation = navigation;
        _navigation.LocationChanged += Reset;
    }

    public event Action? Changed;

    public ProtectiveMarking Current { get; private set; } = ProtectiveMarking.Official;

    public void Show(IEnumerable<ProtectiveMarking> markings) => Show(ProtectiveMarkings.Highest(markings));

    public void Show(ProtectiveMarking marking)
    {
        if (marking > Current)
        {
            Current = marking;
            Changed?.Invoke();
        }
    }

    /// <summary>For a page whose content was replaced (a new search): the marking of what is shown now.</summary>
    public void Replace(IEnumerable<ProtectiveMarking> markings)
    {
        var marking = ProtectiveMarkings.Highest(markings);
        if (marking != Current)
        {
            Current = marking;
            Changed?.Invoke();
        }
    }

    public void Dispose() => _navigation.LocationChanged -= Reset;

    private void Reset(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e)
    {
        Current = ProtectiveMarking.Official;
        Changed?.Invoke();
    }
}
