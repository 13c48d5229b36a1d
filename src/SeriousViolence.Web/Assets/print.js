// Print buttons (data-print): a script file of our own, because the Content-Security-Policy allows no inline handlers.
// Delegated from the document so that it also works for content Blazor renders after the page loads.
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element ? event.target.closest("[data-print]") : null;
  if (button) {
    window.print();
  }
});
