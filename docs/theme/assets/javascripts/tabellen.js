/* List tables on phones: each cell learns its column's name (data-spalte, from the header
 * row), and the table is marked data-gestapelt; the stylesheet (strategie-seiten.css) then
 * shows each row as a stacked card on narrow screens instead of a table to scroll sideways.
 *
 * Left alone: the catalogue (it has its own cards), wide data tables beside charts (inside
 * .strategie-tabelle, they may scroll) and tables without a header row. Without JavaScript
 * every table stays a table and scrolls sideways on a phone if it must.
 *
 * Runs on every page change of Material's instant navigation (document$) and once on load
 * without it (offline build, file://).
 */
(function () {
  "use strict";

  function label(table) {
    if (table.hasAttribute("data-gestapelt") || table.hasAttribute("data-katalog")) return;
    if (table.closest(".strategie-tabelle") || !table.tHead || !table.tHead.rows.length) return;
    var names = [];
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i++) {
      for (var span = headers[i].colSpan || 1; span > 0; span--) {
        names.push(headers[i].textContent.trim());
      }
    }
    if (names.length < 2) return;
    for (var b = 0; b < table.tBodies.length; b++) {
      var rows = table.tBodies[b].rows;
      for (var r = 0; r < rows.length; r++) {
        var cells = rows[r].cells;
        for (var c = 0; c < cells.length && c < names.length; c++) {
          if (!cells[c].hasAttribute("data-spalte")) cells[c].setAttribute("data-spalte", names[c]);
        }
      }
    }
    table.setAttribute("data-gestapelt", "");
  }

  function setUp() {
    var tables = document.querySelectorAll(".md-content .md-typeset table");
    for (var i = 0; i < tables.length; i++) label(tables[i]);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
