// Sends the chosen file as the raw body of PUT /imports/upload (streamed to disk by the server, no multipart limit),
// shows the upload's progress, then opens the job's page, where the import's own progress is polled.
// Without this script the form posts the file as multipart.
(function () {
  var form = document.getElementById("import-form");
  if (!form || !window.XMLHttpRequest) {
    return;
  }
  // The format follows the chosen file's name (export.jsonl, posts.ndjson, posts.csv); it can still be changed.
  var fileInput = document.getElementById("import-file");
  var formatSelect = document.getElementById("import-format");
  if (fileInput && formatSelect) {
    fileInput.addEventListener("change", function () {
      var name = fileInput.files && fileInput.files.length === 1 ? fileInput.files[0].name.toLowerCase() : "";
      var format = /\.(jsonl|ndjson)$/.test(name) ? "JSONL" : /\.csv$/.test(name) ? "CSV" : null;
      if (format && formatSelect.querySelector('option[value="' + format + '"]')) {
        formatSelect.value = format;
      }
    });
  }
  form.addEventListener("submit", function (event) {
    var input = document.getElementById("import-file");
    if (!input.files || input.files.length !== 1) {
      return;
    }
    event.preventDefault();
    var file = input.files[0];
    var bar = document.getElementById("import-upload-progress");
    var button = document.getElementById("import-submit");
    var error = document.getElementById("import-upload-error");
    var params = new URLSearchParams({
      format: document.getElementById("import-format").value,
      unit: document.getElementById("import-unit").value,
      name: file.name
    });
    var request = new XMLHttpRequest();
    request.open("PUT", form.getAttribute("data-upload-url") + "?" + params.toString());
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      request.setRequestHeader(header.content, token.content);
    }
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", function (progress) {
      if (progress.lengthComputable) {
        bar.value = Math.round(progress.loaded * 100 / progress.total);
      }
    });
    request.addEventListener("load", function () {
      var answer = {};
      try {
        answer = JSON.parse(request.responseText);
      } catch (ignored) {
        answer = {};
      }
      if (request.status === 200 && answer.location) {
        window.location.assign(answer.location);
        return;
      }
      error.textContent = answer.error || request.statusText;
      error.hidden = false;
      bar.hidden = true;
      button.disabled = false;
    });
    bar.hidden = false;
    bar.value = 0;
    error.hidden = true;
    button.disabled = true;
    request.send(file);
  });
})();
