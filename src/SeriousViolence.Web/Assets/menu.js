// The menu button of the shared layout (MainLayout.razor): on narrow screens it shows and hides the side navigation.
// The stylesheet shows the navigation from the button's aria-expanded alone, so the state a screen reader hears is the
// state on screen. Listeners sit on the document, so they keep working after Blazor's enhanced navigation patches the
// layout (which also puts aria-expanded back to the server's "false": choosing a link closes the menu).
document.addEventListener('click', event => {
  const button = event.target instanceof Element ? event.target.closest('[data-menu-toggle]') : null;
  if (button) {
    button.setAttribute('aria-expanded', button.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
  }
});
// Escape closes an open menu and gives focus back to its button, as a disclosure should.
document.addEventListener('keydown', event => {
  if (event.key !== 'Escape') {
    return;
  }
  const button = document.querySelector('[data-menu-toggle][aria-expanded="true"]');
  if (button && button.offsetParent !== null) {
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }
});
