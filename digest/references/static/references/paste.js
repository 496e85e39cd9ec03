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
      var text = JSON_FIELDS.indexOf(name) >= 0 ? JSON.stringify(value) : String(value);
      if (name === "kind" || isEmpty(element)) {
        // never overwrite what the editor typed (the kind always follows the paste)
        element.value = text;
        element.dispatchEvent(new Event("change", { bubbles: true }));
      }
      if (element.value === text) {
        filled += 1; // counted whether set now or by an earlier paste of the same text
      }
    });
    return filled;
  }

  // Fields the parser was unsure of (or could not fill) are outlined until the editor
  // changes them; the reason is given in words too, for screen readers.
  function highlight(prefix, names) {
    document.querySelectorAll("[id^='id_" + prefix + "'].reference-check").forEach(function (el) {
      el.classList.remove("reference-check");
      el.removeAttribute("aria-description");
    });
    names.forEach(function (name) {
      var element = document.getElementById("id_" + prefix + name);
      if (!element) {
        return;
      }
      element.classList.add("reference-check");
      element.setAttribute("aria-description", script.dataset.check);
      element.addEventListener(
        "input",
        function () {
          element.classList.remove("reference-check");
          element.removeAttribute("aria-description");
        },
        { once: true }
      );
    });
  }

  // Where Crossref's record disagrees with what was read, both values are shown; the
  // editor chooses. Nothing is replaced without a click.
  function showCrossref(box, prefix, differences) {
    var list = box.parentNode.querySelector(".reference-crossref");
    if (list) {
      list.remove();
    }
    if (!differences.length) {
      return;
    }
    list = document.createElement("div");
    list.className = "help reference-crossref";
    var heading = document.createElement("p");
    heading.textContent = script.dataset.crossref;
    list.appendChild(heading);
    var items = document.createElement("ul");
    differences.forEach(function (difference) {
      var item = document.createElement("li");
      item.textContent =
        difference.label + " — " + script.dataset.read + " " + (difference.parsed || "∅") +
        " · " + script.dataset.theirs + " " + difference.crossref + " ";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small button-secondary";
      button.textContent = script.dataset.use;
      button.addEventListener("click", function () {
        var element = document.getElementById("id_" + prefix + difference.field);
        if (element) {
          var value = difference.value;
          element.value = typeof value === "object" ? JSON.stringify(value) : String(value);
          element.dispatchEvent(new Event("change", { bubbles: true }));
        }
        item.remove();
      });
      item.appendChild(button);
      items.appendChild(item);
    });
    list.appendChild(items);
    box.parentNode.appendChild(list);
  }

  function parse(textarea, index) {
    var raw = textarea.value.trim();
    // A paste and the change event that follows it (on leaving the box) ask once: a second
    // answer would outline again the fields the editor has started to correct.
    if (!raw || textarea.dataset.parsed === raw) {
      return;
    }
    textarea.dataset.parsed = raw;
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
          delete textarea.dataset.parsed; // the same text may be asked again
          return;
        }
        if (data.others && data.others.length) {
          textarea.value = data.raw;
          data.others.forEach(addReference);
        }
        var prefix = "references-" + index + "-";
        var filled = fill(prefix, data.fields);
        var message = script.dataset.filled.replace("%(n)s", filled);
        if (data.style_label) {
          message = script.dataset.style.replace("%(style)s", data.style_label) + " " + message;
        }
        if (data.fields.unparsed && data.fields.unparsed.length) {
          message += " " + script.dataset.unplaced + " " + data.fields.unparsed.join(" · ");
        }
        box.textContent = message;
        highlight(prefix, data.to_check || []);
        showCrossref(box, prefix, data.crossref || []);
      })
      .catch(function () {
        box.textContent = script.dataset.failed;
        delete textarea.dataset.parsed;
      });
  }

  // A second reference pasted into the same box goes into a new reference form, as if the
  // editor had pressed the inline panel's "Add" button and pasted it there.
  function addReference(raw) {
    var add = document.getElementById("id_references-ADD");
    var total = document.getElementById("id_references-TOTAL_FORMS");
    if (!add || !total) {
      return;
    }
    add.click();
    var index = parseInt(total.value, 10) - 1;
    var box = document.getElementById("id_references-" + index + "-raw");
    if (box) {
      box.value = raw;
      parse(box, String(index));
    }
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
