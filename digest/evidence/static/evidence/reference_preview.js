// Under each reference of the summary editor: the reference as readers will see it (APA 7),
// redrawn a moment after any of its fields changes (typing, a paste, the paste script filling
// the fields), with the duplicate-article warning when the article was summarised before.
// The server formats it (the same code as the public pages) and saves nothing.
(function () {
  "use strict";

  var FIELD = /^references-(\d+)-(.+)$/;
  var DELAY = 400; // ms after the last change
  var timers = {};
  var tickets = {};

  function settings() {
    return document.querySelector("[data-evidence-suggestions][data-preview-endpoint]");
  }

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function box(form, index) {
    var id = "reference-preview-" + index;
    var existing = document.getElementById(id);
    if (existing) return existing;
    var raw = form.querySelector('[name="references-' + index + '-raw"]');
    if (!raw) return null;
    var child = raw.closest("[data-inline-panel-child]") || raw.parentNode;
    var created = document.createElement("div");
    created.id = id;
    created.className = "reference-preview";
    created.setAttribute("aria-live", "polite");
    child.appendChild(created);
    return created;
  }

  function preview(form, index) {
    var panel = settings();
    var target = box(form, index);
    if (!panel || !target) return;
    var prefix = "references-" + index + "-";
    var body = new FormData();
    new FormData(form).forEach(function (value, name) {
      if (name.indexOf(prefix) === 0) body.append(name.slice(prefix.length), value);
    });
    if (body.get("DELETE")) {
      target.hidden = true;
      return;
    }
    body.append("page_id", panel.dataset.pageId || "");
    var ticket = (tickets[index] = (tickets[index] || 0) + 1);
    fetch(panel.dataset.previewEndpoint, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(form), "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (json) {
        if (ticket !== tickets[index]) return; // a newer preview is on its way
        target.hidden = false;
        if (json.error) {
          target.textContent = json.error;
          return;
        }
        var template = document.createElement("template");
        template.innerHTML = json.html; // rendered and escaped by the server's template
        target.replaceChildren(template.content);
      })
      .catch(function () {
        /* the preview is a convenience: the form and its saving are unaffected */
      });
  }

  function later(form, index) {
    clearTimeout(timers[index]);
    timers[index] = setTimeout(function () {
      preview(form, index);
    }, DELAY);
  }

  function init() {
    var panel = settings();
    if (!panel) return;
    var form = panel.closest("form");
    if (!form) return;
    form.querySelectorAll("[name$='-raw']").forEach(function (raw) {
      var match = raw.name.match(FIELD);
      if (match && match[1] !== "__prefix__") preview(form, match[1]);
    });
    function changed(event) {
      var match = event.target.name && event.target.name.match(FIELD);
      if (match) later(form, match[1]);
    }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
