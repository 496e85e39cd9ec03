/* Practice Digest: the reader's own reading list and CPD log, kept in this browser only
   (localStorage); nothing is sent to the server. Without this script the controls stay
   hidden and the pages explain why ([data-no-js], which the script hides). */
(function () {
    "use strict";
    var LIST = "practice-digest:reading-list";
    var CPD = "practice-digest:cpd-log";
    var MAX_IDS = 100;

    function load(key) {
        try {
            var value = JSON.parse(window.localStorage.getItem(key) || "[]");
            return Array.isArray(value) ? value : [];
        } catch (e) {
            return [];
        }
    }
    function store(key, value) {
        try {
            window.localStorage.setItem(key, JSON.stringify(value));
            return true;
        } catch (e) {
            return false;
        }
    }
    function all(selector, root) {
        return Array.prototype.slice.call((root || document).querySelectorAll(selector));
    }
    function listIds() {
        return load(LIST).map(String).filter(function (id) { return /^[1-9][0-9]{0,17}$/.test(id); });
    }
    function say(node, text) {
        if (!node) { return; }
        node.textContent = "";
        window.setTimeout(function () { node.textContent = text; }, 50);
    }
    function listAddress(base, ids) {
        return ids.length ? base + "?ids=" + ids.join(",") : base;
    }

    /* ---- Reading list ---- */
    function refreshListControls() {
        var ids = listIds();
        all("[data-list-add]").forEach(function (button) {
            var inList = ids.indexOf(button.getAttribute("data-list-add")) !== -1;
            button.setAttribute("aria-pressed", inList ? "true" : "false");
            button.textContent = button.getAttribute(inList ? "data-label-remove" : "data-label-add");
        });
        all("[data-my-list]").forEach(function (link) {
            link.href = listAddress(link.getAttribute("data-base"), ids);
            var count = link.querySelector("[data-list-count]");
            if (count) { count.textContent = String(ids.length); }
        });
    }
    function toggle(id, status) {
        var ids = listIds();
        var at = ids.indexOf(id);
        if (at === -1) {
            if (ids.length >= MAX_IDS) { say(status, status && status.getAttribute("data-full")); return; }
            ids.push(id);
        } else {
            ids.splice(at, 1);
        }
        store(LIST, ids);
        refreshListControls();
        if (status) {
            say(status, status.getAttribute(at === -1 ? "data-added" : "data-removed"));
        }
    }
    document.addEventListener("click", function (event) {
        var target = event.target.closest ? event.target : null;
        if (!target) { return; }
        var add = target.closest("[data-list-add]");
        if (add) {
            var tools = add.closest("[data-reader-tools]");
            toggle(add.getAttribute("data-list-add"), tools && tools.querySelector("[role=status]"));
            return;
        }
        var remove = target.closest("[data-list-remove]");
        if (remove) {
            var id = remove.getAttribute("data-list-remove");
            var kept = listIds().filter(function (other) { return other !== id; });
            store(LIST, kept);
            window.location.replace(listAddress(window.location.pathname, kept));
            return;
        }
        var save = target.closest("[data-list-save]");
        if (save) {
            var ids = save.getAttribute("data-list-save").split(",").filter(Boolean);
            store(LIST, ids);
            refreshListControls();
            showListPage();
            say(document.querySelector(".reading-tools [role=status]"), save.getAttribute("data-saved"));
            return;
        }
        if (target.closest("[data-print]")) {
            window.print();
        }
    });

    function showListPage() {
        var entries = document.querySelector("[data-reading-list]");
        if (!entries) { return; }
        var mine = listIds().join(",") === entries.getAttribute("data-reading-list");
        all("[data-list-remove]").forEach(function (b) { b.parentNode.hidden = !mine; });
        var save = document.querySelector("[data-list-save]");
        if (save) { save.hidden = mine; }
    }
    function openStoredList() {
        // /list/ without an address of its own shows this browser's list.
        var empty = document.querySelector("[data-list-empty]");
        if (!empty || window.location.search.indexOf("ids=") !== -1) { return; }
        var ids = listIds();
        if (ids.length) { window.location.replace(listAddress(window.location.pathname, ids)); }
    }

    /* ---- CPD log ---- */
    function today() {
        var d = new Date();
        return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
    }
    function entries() {
        return load(CPD).filter(function (e) { return e && typeof e.date === "string"; });
    }
    function bindCpdForm(form) {
        var date = form.querySelector("[name=date]");
        if (date && !date.value) { date.value = today(); }
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var minutes = parseInt(form.querySelector("[name=minutes]").value, 10);
            if (!(minutes > 0)) { form.querySelector("[name=minutes]").focus(); return; }
            var log = entries();
            log.push({
                id: String(Date.now()) + Math.random().toString(16).slice(2, 6),
                summary: form.getAttribute("data-summary-id"),
                headline: form.getAttribute("data-headline"),
                reference: form.getAttribute("data-reference"),
                url: form.getAttribute("data-url"),
                date: form.querySelector("[name=date]").value || today(),
                minutes: Math.min(minutes, 600),
                reflection: form.querySelector("[name=reflection]").value.trim()
            });
            var ok = store(CPD, log);
            say(form.querySelector("[role=status]"), form.getAttribute(ok ? "data-saved" : "data-failed"));
            if (ok) { form.querySelector("[name=reflection]").value = ""; }
        });
    }

    function cell(row, text, className) {
        var td = document.createElement("td");
        if (className) { td.className = className; }
        td.textContent = text;
        row.appendChild(td);
        return td;
    }
    function inPeriod(entry, from, to) {
        return (!from || entry.date >= from) && (!to || entry.date <= to);
    }
    function formatDate(iso) {
        var parts = iso.split("-");
        var d = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
        return isNaN(d) ? iso : d.toLocaleDateString(document.documentElement.lang || undefined,
            { year: "numeric", month: "long", day: "numeric" });
    }
    function csvField(value) {
        var text = String(value == null ? "" : value);
        // A cell starting with = + - @ is a formula to a spreadsheet: keep it as text.
        if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
        return '"' + text.replace(/"/g, '""') + '"';
    }
    function renderLog(root) {
        var words = document.querySelector("[data-cpd-words]");
        var from = root.querySelector("[name=from]").value;
        var to = root.querySelector("[name=to]").value;
        var shown = entries().filter(function (e) { return inPeriod(e, from, to); })
            .sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
        var body = root.querySelector("[data-cpd-rows]");
        body.textContent = "";
        var total = 0;
        shown.forEach(function (entry) {
            var row = document.createElement("tr");
            cell(row, formatDate(entry.date));
            var what = document.createElement("td");
            var link = document.createElement("a");
            link.href = entry.url || "#";
            link.lang = "en";
            link.textContent = entry.headline || "";
            what.appendChild(link);
            if (entry.reference) {
                var ref = document.createElement("p");
                ref.className = "reference";
                ref.lang = "en";
                ref.textContent = entry.reference;
                what.appendChild(ref);
            }
            row.appendChild(what);
            cell(row, String(entry.minutes), "cpd-minutes");
            cell(row, entry.reflection || "");
            var actions = cell(row, "", "print-hide");
            var del = document.createElement("button");
            del.type = "button";
            del.className = "button-link";
            del.textContent = words.getAttribute("data-delete");
            del.addEventListener("click", function () {
                if (!window.confirm(words.getAttribute("data-confirm"))) { return; }
                store(CPD, entries().filter(function (e) { return e.id !== entry.id; }));
                renderLog(root);
                say(root.querySelector("[data-cpd-status]"), words.getAttribute("data-deleted"));
                root.querySelector("[data-cpd-csv]").focus();
            });
            actions.appendChild(del);
            body.appendChild(row);
            total += Number(entry.minutes) || 0;
        });
        root.querySelector("[data-cpd-table]").hidden = shown.length === 0;
        root.querySelector("[data-cpd-empty]").hidden = shown.length !== 0;
        root.querySelector("[data-cpd-total]").textContent = String(total);
        root.querySelector("[data-cpd-hours]").textContent =
            (total / 60).toLocaleString(document.documentElement.lang || undefined,
                { maximumFractionDigits: 1 }) + " " + words.getAttribute("data-hours");
        root.querySelector("[data-cpd-period-text]").textContent = words.getAttribute("data-period") + " " +
            (from || to ? (from ? formatDate(from) : "…") + " – " + (to ? formatDate(to) : "…")
                : words.getAttribute("data-all"));
        return shown;
    }
    function bindLog(root) {
        var words = document.querySelector("[data-cpd-words]");
        root.hidden = false;
        all("input[type=date]", root).forEach(function (input) {
            input.addEventListener("change", function () { renderLog(root); });
        });
        root.querySelector("[data-cpd-period]").addEventListener("submit", function (e) { e.preventDefault(); });
        root.querySelector("[data-cpd-csv]").addEventListener("click", function () {
            var shown = renderLog(root);
            var names = ["date", "headline", "reference", "address", "minutes", "reflection"];
            var lines = [names.map(function (n) { return csvField(words.getAttribute("data-csv-" + n)); }).join(",")];
            shown.forEach(function (e) {
                var address = e.url ? new URL(e.url, window.location.href).href : "";
                lines.push([e.date, e.headline, e.reference, address, e.minutes, e.reflection].map(csvField).join(","));
            });
            var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
            var link = document.createElement("a");
            link.href = URL.createObjectURL(blob);
            link.download = "cpd-log-" + today() + ".csv";
            document.body.appendChild(link);
            link.click();
            link.remove();
        });
        renderLog(root);
    }

    function start() {
        all("[data-no-js]").forEach(function (node) { node.hidden = true; });
        all("[data-js-only]").forEach(function (node) {
            if (!node.hasAttribute("data-list-save")) { node.hidden = false; }
        });
        refreshListControls();
        showListPage();
        openStoredList();
        all("form[data-cpd-add]").forEach(bindCpdForm);
        var log = document.querySelector("[data-cpd-log]");
        if (log) { bindLog(log); }
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
