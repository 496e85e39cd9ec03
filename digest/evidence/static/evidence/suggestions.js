// Suggestions panel of the summary editor: "Accept"/"Use" buttons fill the form's own fields
// (the editor still saves). The panel asks the server again with the unsaved text when the
// editor opens the page and, a moment after they stop typing, whenever the headline, body or a
// reference has changed; "Update" does it at once. Suggested terms are marked in the topic and
// research-type checkboxes. Without JavaScript the panel is a plain list with a link to the
// review page.
(function () {
  "use strict";

  function formOf(panel) {
    return panel.closest("form");
  }

  function accept(form, field, value) {
    var inputs = form.querySelectorAll('[name="' + field + '"]');
    inputs.forEach(function (input) {
      if (input.type === "checkbox" || input.type === "radio") {
        if (input.value === value) input.checked = true;
      } else if (input.tagName === "SELECT") {
        Array.prototype.forEach.call(input.options, function (option) {
          if (option.value === value) option.selected = true;
        });
      } else {
        input.value = value;
      }
      input.dispatchEvent(new Event("change", { bubbles: true }));
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    return inputs.length > 0;
  }

  function wire(panel) {
    var form = formOf(panel);
    if (!form) return;
    panel.querySelectorAll("[data-evidence-accept]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        if (accept(form, button.dataset.field, button.dataset.value)) {
          button.disabled = true;
          button.textContent = "✓";
        }
      });
    });
  }

  // The fields suggestions are read from, and those they are compared with ("already
  // tagged", "already set"): a change to any of them asks the server again.
  var WATCHED =
    /^(title|preamble|body|implications|topics|research_types|design|n_clients|n_therapists|n_studies|setting|effect_sizes|follow_up|references-\d+-(raw|doi|title|year|authors)|references-TOTAL_FORMS)$/;
  var DELAY = 800; // ms after the last keystroke; Draftail writes its hidden input every 250 ms

  function watchedState(form) {
    var parts = [];
    new FormData(form).forEach(function (value, name) {
      if (WATCHED.test(name) || /^references-\d+-DELETE$/.test(name)) {
        parts.push(name + "=" + value);
      }
    });
    return parts.join("&");
  }

  function markSuggested(panel) {
    var form = formOf(panel);
    form.querySelectorAll("[data-term-suggested]").forEach(function (badge) {
      badge.hidden = true;
    });
    panel.querySelectorAll("[data-evidence-suggested]").forEach(function (item) {
      var field = item.dataset.field;
      var input = form.querySelector('input[name="' + field + '"][value="' + item.dataset.value + '"]');
      var badge = input && input.closest("[data-term-choice]");
      badge = badge && badge.querySelector("[data-term-suggested]");
      if (badge) badge.hidden = false;
    });
  }

  function refresh(panel) {
    var form = formOf(panel);
    var ticket = (panel.evidenceTicket = (panel.evidenceTicket || 0) + 1);
    panel.dataset.lastState = watchedState(form);
    var data = new FormData(form);
    panel.setAttribute("aria-busy", "true");
    data.set("page_id", panel.dataset.pageId || "");
    fetch(panel.dataset.endpoint, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (json) {
        if (ticket !== panel.evidenceTicket) return; // a later request is on its way
        var lists = panel.querySelector("[data-evidence-lists]");
        var template = document.createElement("template");
        template.innerHTML = json.html; // rendered and escaped by the server's template
        lists.replaceWith(template.content);
        wire(panel);
        markSuggested(panel);
        panel.querySelector("[data-evidence-refresh]").classList.remove("error");
        panel.setAttribute("aria-busy", "false");
      })
      .catch(function () {
        panel.querySelector("[data-evidence-refresh]").classList.add("error");
        panel.setAttribute("aria-busy", "false");
      });
  }

  function init() {
    document.querySelectorAll("[data-evidence-suggestions]").forEach(function (panel) {
      wire(panel);
      var button = panel.querySelector("[data-evidence-refresh]");
      button.hidden = false;
      button.addEventListener("click", function () {
        refresh(panel);
      });
      var form = formOf(panel);
      if (!form) return;
      markSuggested(panel);
      // On opening: the server drew the saved text; the form may already differ (a restored
      // draft, a reference pasted before the script ran), so read it again.
      refresh(panel);
      var timer = null;
      function later() {
        clearTimeout(timer);
        timer = setTimeout(function () {
          if (watchedState(form) !== panel.dataset.lastState) refresh(panel);
        }, DELAY);
      }
      // Typing in Draftail bubbles "input" from its contenteditable; the reference script
      // fills fields and fires "change".
      form.addEventListener("input", later);
      form.addEventListener("change", later);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
