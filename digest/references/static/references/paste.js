// Pasting a reference (or a DOI) into a summary's "reference as typed" box fills the empty
// structured fields beside it for review and lists what could not be placed. Without
// JavaScript the server does the same when the summary is saved.
(function () {
  "use strict";
  var script = document.currentScript;
  var parseUrl = script.dataset.parseUrl;
  var RAW = /^references-(\d+)-raw$/;
  var JSON_FIELDS = ["authors", "editors", "unparsed"];

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function note(textarea) {
    var box = textarea.parentNode.querySelector(".reference-parse-note");
    if (!box) {
      box = document.createElement("p");
      box.className = "help reference-parse-note";
      box.setAttribute("role", "status");
      textarea.parentNode.appendChild(box);
    }
    return box;
  }

  function isEmpty(element) {
    var value = (element.value || "").trim();
    return value === "" || value === "[]" || value === "null";
  }

  function fill(prefix, fields) {
    var filled = 0;
    Object.keys(fields).forEach(function (name) {
      var element = document.getElementById("id_" + prefix + name);
      var value = fields[name];
      if (!element || value === null || value === "" || (Array.isArray(value) && !value.length)) {
        return;
      }
      if (name !== "kind" && !isEmpty(element)) {
        return; // never overwrite what the editor typed
      }
      element.value = JSON_FIELDS.indexOf(name) >= 0 ? JSON.stringify(value) : value;
      element.dispatchEvent(new Event("change", { bubbles: true }));
      filled += 1;
    });
    return filled;
  }

  function parse(textarea, index) {
    var raw = textarea.value.trim();
    if (!raw) {
      return;
    }
    var body = new FormData();
    body.append("raw", raw);
    var box = note(textarea);
    box.textContent = script.dataset.working;
    fetch(parseUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        if (data.error) {
          box.textContent = data.error;
          return;
        }
        var filled = fill("references-" + index + "-", data.fields);
        var message = script.dataset.filled.replace("%(n)s", filled);
        if (data.fields.unparsed && data.fields.unparsed.length) {
          message += " " + script.dataset.unplaced + " " + data.fields.unparsed.join(" · ");
        }
        box.textContent = message;
      })
      .catch(function () {
        box.textContent = script.dataset.failed;
      });
  }

  document.addEventListener("change", function (event) {
    var match = event.target.name && event.target.name.match(RAW);
    if (match && event.target.tagName === "TEXTAREA") {
      parse(event.target, match[1]);
    }
  });
  document.addEventListener("paste", function (event) {
    var match = event.target.name && event.target.name.match(RAW);
    if (match) {
      // The pasted text is in the box only after this event has run.
      window.setTimeout(function () {
        parse(event.target, match[1]);
      }, 0);
    }
  });
})();
