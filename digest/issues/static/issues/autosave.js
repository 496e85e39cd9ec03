// A page that does not exist yet cannot be saved until the fields a draft needs are filled
// (a summary's headline and slug, an issue's month). Wagtail's autosave would try anyway at
// the first click elsewhere and warn "Autosave is paused – There are validation errors" before the
// editor has finished, or even started, those fields. Until they are filled, a new page's
// autosave waits; once the page exists every autosave runs, and real errors still show.
(function () {
  "use strict";

  function waitForRequiredFields(event) {
    var form = event.target;
    if (!form.action || form.action.indexOf("/pages/add/") < 0) {
      return;
    }
    var needed = form.querySelectorAll(
      "input[name=title][required], input[name=slug][required], [data-required-on-save]",
    );
    var empty = Array.prototype.some.call(needed, function (field) {
      return !field.value.trim();
    });
    if (empty) {
      // Cancelled in the capture phase, so the autosave indicator never hears of it either.
      event.preventDefault();
      event.stopPropagation();
    }
  }

  document.addEventListener("w-autosave:save", waitForRequiredFields, true);
})();
