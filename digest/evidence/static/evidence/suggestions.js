// Suggestions panel of the summary editor: "Accept"/"Use" buttons fill the form's own fields
// (the editor still saves), and "Update" asks the server again with the unsaved text.
// Without JavaScript the panel is a plain list with a link to the review page.
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

  function refresh(panel) {
    var form = formOf(panel);
    var data = new FormData(form);
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
        var lists = panel.querySelector("[data-evidence-lists]");
        var template = document.createElement("template");
        template.innerHTML = json.html; // rendered and escaped by the server's template
        lists.replaceWith(template.content);
        wire(panel);
      })
      .catch(function () {
        panel.querySelector("[data-evidence-refresh]").classList.add("error");
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
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
