// A reference's authors or editors as rows, one person each (family name, given names),
// reordered with "Move up"/"Move down", added and removed. The rows write "Family, Given"
// lines back into the text box they replace, which is what the server reads; without this
// script the editor edits those lines directly. The paste script may write a JSON list into
// the box (and fires "change"): the rows are redrawn from it.
(function () {
  "use strict";

  function parse(text) {
    text = (text || "").trim();
    if (text.charAt(0) === "[") {
      try {
        var list = JSON.parse(text);
        if (Array.isArray(list)) {
          return list.map(function (person) {
            return typeof person === "string" ? { literal: person } : person;
          });
        }
      } catch (error) {
        // Not JSON after all: read it as lines below; the server says what is wrong.
      }
    }
    return text
      .split("\n")
      .map(function (line) {
        return line.trim();
      })
      .filter(Boolean)
      .map(function (line) {
        var parts = line.split(",").map(function (part) {
          return part.trim();
        });
        if (parts.length === 1) {
          return { literal: parts[0] };
        }
        return { family: parts[0], given: parts[1] || "", suffix: parts.slice(2).join(", ") };
      });
  }

  function toLine(person) {
    if (person.literal !== undefined) {
      return person.literal;
    }
    var parts = [person.family || "", person.given || "", person.suffix || ""];
    while (parts.length > 1 && !parts[parts.length - 1]) {
      parts.pop();
    }
    return parts.length > 1 ? parts.join(", ") : parts[0] + ",";
  }

  function register() {
    var Controller = window.StimulusModule.Controller;

    class PersonList extends Controller {
      static values = {
        family: String,
        given: String,
        add: String,
        up: String,
        down: String,
        remove: String,
      };

      connect() {
        this.redraw = this.redraw.bind(this);
        this.box = document.createElement("div");
        this.box.className = "person-list";
        this.list = document.createElement("ol");
        this.list.className = "person-list__rows";
        this.box.appendChild(this.list);
        var add = this.button(this.addValue, "person-list__add", function () {
          var row = this.row({ family: "", given: "" });
          this.list.appendChild(row);
          this.write();
          row.querySelector("input").focus();
        });
        add.classList.add("button-secondary");
        this.box.appendChild(add);
        this.element.insertAdjacentElement("afterend", this.box);
        this.element.hidden = true;
        this.element.addEventListener("change", this.redraw);
        this.redraw();
      }

      disconnect() {
        this.element.removeEventListener("change", this.redraw);
        this.box.remove();
        this.element.hidden = false;
      }

      redraw() {
        this.list.replaceChildren.apply(this.list, parse(this.element.value).map(this.row, this));
        this.number();
      }

      button(label, className, action) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small " + className;
        button.textContent = label;
        button.addEventListener("click", action.bind(this));
        return button;
      }

      input(value, label, className) {
        var input = document.createElement("input");
        input.type = "text";
        input.value = value || "";
        input.className = className;
        input.dataset.label = label;
        input.addEventListener("input", this.write.bind(this));
        return input;
      }

      row(person) {
        var row = document.createElement("li");
        row.className = "person-list__row";
        var literal = person.literal !== undefined;
        if (literal) {
          row.dataset.literal = "true";
        }
        row.dataset.suffix = person.suffix || "";
        row.appendChild(
          this.input(literal ? person.literal : person.family, this.familyValue, "person-list__family"),
        );
        row.appendChild(this.input(person.given, this.givenValue, "person-list__given"));
        row.appendChild(
          this.button("↑", "person-list__up button-secondary", function () {
            if (row.previousElementSibling) {
              this.list.insertBefore(row, row.previousElementSibling);
              this.write();
            }
          }),
        );
        row.appendChild(
          this.button("↓", "person-list__down button-secondary", function () {
            if (row.nextElementSibling) {
              this.list.insertBefore(row.nextElementSibling, row);
              this.write();
            }
          }),
        );
        row.appendChild(
          this.button("✕", "person-list__remove button-secondary no", function () {
            row.remove();
            this.write();
          }),
        );
        return row;
      }

      // Accessible names say which person each box and button is about ("Family name, 2").
      number() {
        var self = this;
        Array.prototype.forEach.call(this.list.children, function (row, index) {
          var n = " " + (index + 1);
          row.querySelector(".person-list__family").setAttribute("aria-label", self.familyValue + n);
          row.querySelector(".person-list__given").setAttribute("aria-label", self.givenValue + n);
          row.querySelector(".person-list__up").setAttribute("aria-label", self.upValue + n);
          row.querySelector(".person-list__down").setAttribute("aria-label", self.downValue + n);
          row.querySelector(".person-list__remove").setAttribute("aria-label", self.removeValue + n);
        });
      }

      write() {
        var lines = Array.prototype.map.call(this.list.children, function (row) {
          var family = row.querySelector(".person-list__family").value.trim();
          var given = row.querySelector(".person-list__given").value.trim();
          if (!family && !given) {
            return "";
          }
          if (row.dataset.literal && !given) {
            return toLine({ literal: family });
          }
          return toLine({ family: family, given: given, suffix: row.dataset.suffix });
        });
        this.element.value = lines.filter(Boolean).join("\n");
        this.number();
        // Autosave and the "unsaved changes" notice listen for input on the form.
        this.element.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }

    window.wagtail.app.register("person-list", PersonList);
  }

  if (window.wagtail && window.wagtail.app) {
    register();
  } else {
    document.addEventListener("DOMContentLoaded", register);
  }
})();
