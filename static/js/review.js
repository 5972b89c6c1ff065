// Review pages: htmx swaps the answers to refused input (400) and stale pages (409) too, so the
// message shows in place and the typed text stays in its box.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if (status === 400 || status === 409) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
