// Sends the CSRF token with every htmx request, so that htmx forms are protected like ordinary ones.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A form with data-confirm asks before it is sent (deleting a feed, for example); without script it is sent as is.
document.addEventListener(
  "submit",
  function (event) {
    var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  },
  true
);
