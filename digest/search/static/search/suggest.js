// Suggestions as you type on the search page: fills a <datalist> from /search/suggest.
// A progressive enhancement: without this script the form works the same.
(function () {
  "use strict";
  var input = document.getElementById("search-q");
  if (!input || !window.fetch) { return; }
  var list = document.createElement("datalist");
  list.id = "search-suggestions";
  input.parentNode.appendChild(list);
  input.setAttribute("list", list.id);
  var timer = null;
  var latest = "";
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var text = input.value.trim();
      if (text.length < 2 || text === latest) { return; }
      latest = text;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" }
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (data.query !== latest) { return; }
          list.replaceChildren.apply(list, data.suggestions.map(function (item) {
            var option = document.createElement("option");
            option.value = item.label;
            return option;
          }));
        })
        .catch(function () { /* suggestions are optional */ });
    }, 200);
  });
})();
