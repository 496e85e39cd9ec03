// A filter box above the topic and research-type checkboxes: typing hides the terms whose name
// does not contain the text. Enter in the box does not submit the page form. Without this
// script the checkboxes are all shown, in columns.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(box) {
    if (box.dataset.enhanced) return;
    box.dataset.enhanced = "1";
    var group = box.querySelector("[data-term-group]");
    var label = document.createElement("label");
    label.className = "term-checkboxes__filter";
    label.textContent = box.dataset.filterLabel;
    var input = document.createElement("input");
    input.type = "search";
    input.autocomplete = "off";
    if (group.id) input.setAttribute("aria-controls", group.id);
    label.appendChild(input);
    var none = document.createElement("p");
    none.className = "help";
    none.setAttribute("role", "status");
    box.insertBefore(label, group);
    box.appendChild(none);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      var shown = 0;
      box.querySelectorAll("[data-term-choice]").forEach(function (choice) {
        var name = fold(choice.querySelector("[data-term-label]").textContent);
        var match = !wanted || name.indexOf(wanted) !== -1;
        choice.hidden = !match;
        if (match) shown += 1;
      });
      none.textContent = shown ? "" : box.dataset.noneLabel;
    });
  }

  function init() {
    document.querySelectorAll("[data-term-checkboxes]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
