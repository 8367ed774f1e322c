/* Maßnahmenkatalog: sorting (vendored tablesort), filtering and a live result count.
 *
 * The page carries the complete table as static HTML and a filter form that is hidden
 * until this script runs: without JavaScript readers get the whole table, with it they
 * can narrow it down. Each row holds its filter values in data attributes written by the
 * generator (data-status, data-leitthema, data-sdg, data-verantwortlich, data-herkunft,
 * data-suche).
 *
 * Works with Material's instant navigation (document$ emits on every page change) and
 * without it (offline build, file://), where it runs once the page is loaded.
 */
(function () {
  "use strict";

  var FIELDS = ["status", "leitthema", "sdg", "verantwortlich", "herkunft"];

  function words(text) {
    return text.toLocaleLowerCase("de").split(/\s+/).filter(Boolean);
  }

  function matches(row, query, choices) {
    for (var i = 0; i < FIELDS.length; i++) {
      var wanted = choices[FIELDS[i]];
      if (!wanted) continue;
      var values = (row.getAttribute("data-" + FIELDS[i]) || "").split(" ");
      if (values.indexOf(wanted) === -1) return false;
    }
    var haystack = row.getAttribute("data-suche") || "";
    for (var j = 0; j < query.length; j++) {
      if (haystack.indexOf(query[j]) === -1) return false;
    }
    return true;
  }

  function countText(shown, total) {
    if (shown === total) {
      return total === 1 ? "1 Maßnahme angezeigt" : "Alle " + total + " Maßnahmen angezeigt";
    }
    return shown + " von " + total + " Maßnahmen angezeigt";
  }

  /* Header cells become buttons: reachable with the keyboard, announced as such. Tablesort
   * keeps handling the click on the cell and sets aria-sort there. */
  function makeSortButtons(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    for (var i = 0; i < headers.length; i++) {
      var header = headers[i];
      if (header.getAttribute("data-sort-method") === "none") continue;
      header.removeAttribute("tabindex");
      if (header.querySelector("button")) continue;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "katalog-sortieren";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
    }
  }

  function setUp() {
    var table = document.querySelector("table[data-katalog]");
    var form = document.querySelector("form[data-katalog-filter]");
    var count = document.querySelector("[data-katalog-anzahl]");
    if (!table || !form || !count || table.getAttribute("data-katalog-bereit")) return;
    table.setAttribute("data-katalog-bereit", "ja");

    if (typeof window.Tablesort === "function") {
      new window.Tablesort(table);
      makeSortButtons(table);
    }

    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var search = form.querySelector("[data-katalog-feld=suche]");
    var selects = {};
    FIELDS.forEach(function (name) {
      selects[name] = form.querySelector("[data-katalog-feld=" + name + "]");
    });

    function apply() {
      var choices = {};
      FIELDS.forEach(function (name) {
        choices[name] = selects[name] ? selects[name].value : "";
      });
      var query = words(search ? search.value : "");
      var shown = 0;
      rows.forEach(function (row) {
        var visible = matches(row, query, choices);
        row.hidden = !visible;
        if (visible) shown++;
      });
      count.textContent = countText(shown, rows.length);
    }

    var pending = null;
    function applySoon() {
      // Typing fires an input event per key; announce the count once typing pauses.
      if (pending) window.clearTimeout(pending);
      pending = window.setTimeout(apply, 250);
    }

    form.addEventListener("input", applySoon);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });

    form.hidden = false;
    apply();
  }

  // Both hooks, because either may stay silent: document$ does not emit when Material's
  // instant navigation cannot start (the hosted build opened from file://), and
  // DOMContentLoaded does not fire for pages loaded by instant navigation. setUp runs
  // once per page (it marks the table).
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
