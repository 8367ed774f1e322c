/* Maßnahmenkatalog: filters, search, sorting and a result count that follow each other, with
 * the whole state in the page's address.
 *
 * The page carries the complete table as static HTML, in the order of the Leitthemen, and a
 * filter form that is hidden until this script runs: without JavaScript readers get the whole
 * table, with it they can narrow it down and sort it.
 *
 * Filters: every <select data-katalog-feld="NAME"> in the form is one filter. A row matches
 * when the chosen value is one of the space-separated values of its attribute data-NAME (the
 * generator writes them). Adding a filter therefore takes one more select in the template and
 * one more data attribute on the rows; nothing here changes. The search field
 * (data-katalog-feld="suche") matches words against data-suche.
 *
 * Sorting: header cells become buttons. A cell's data-sortierung names its column in the
 * address, data-sort-method="number" sorts numerically, data-sort-erst="absteigend" makes the
 * first click sort descending (Priorität: highest first). Sort keys are the cells' data-sort
 * (else their text); an empty key (a measure without a rating) always goes last. A third way
 * back to the original order is the reset button.
 *
 * Address: ?status=…&leitthema=…&suche=…&sortierung=prioritaet&richtung=ab. Choices made by
 * hand add a history entry (back undoes them); typing replaces the current entry. Loading a
 * page with such an address, and moving back and forward, restores the state.
 *
 * Works with Material's instant navigation (document$ emits on every page change) and
 * without it (offline build, file://), where it runs once the page is loaded.
 */
(function () {
  "use strict";

  var SORT = "sortierung";
  var DIRECTION = "richtung";
  var DOWN = "ab";
  var UP = "auf";

  function words(text) {
    return text.toLocaleLowerCase("de").split(/\s+/).filter(Boolean);
  }

  function plural(count) {
    return count === 1 ? "1 Maßnahme" : count + " Maßnahmen";
  }

  function Catalogue(table, form, count) {
    this.table = table;
    this.form = form;
    this.count = count;
    this.body = table.tBodies[0];
    this.rows = Array.prototype.slice.call(this.body.rows);
    this.search = form.querySelector("input[data-katalog-feld]");
    this.selects = Array.prototype.slice.call(form.querySelectorAll("select[data-katalog-feld]"));
    this.caption = table.querySelector("[data-katalog-titel]");
    this.empty = document.querySelector("[data-katalog-leer]");
    this.headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    this.sort = null; // {index, descending}
  }

  Catalogue.prototype.matches = function (row, query) {
    for (var i = 0; i < this.selects.length; i++) {
      var select = this.selects[i];
      if (!select.value) continue;
      var name = select.getAttribute("data-katalog-feld");
      var values = (row.getAttribute("data-" + name) || "").split(" ");
      if (values.indexOf(select.value) === -1) return false;
    }
    var haystack = row.getAttribute("data-suche") || "";
    for (var j = 0; j < query.length; j++) {
      if (haystack.indexOf(query[j]) === -1) return false;
    }
    return true;
  };

  Catalogue.prototype.filter = function () {
    var query = words(this.search ? this.search.value : "");
    var shown = 0;
    var self = this;
    this.rows.forEach(function (row) {
      var visible = self.matches(row, query);
      row.hidden = !visible;
      if (visible) shown++;
    });
    var total = this.rows.length;
    var all = shown === total;
    if (this.caption) {
      this.caption.textContent = all ? "Alle " + plural(total) : shown + " von " + plural(total);
    }
    if (shown === 0) {
      this.count.textContent = "Keine der " + plural(total) + " passt zu den gewählten Filtern.";
    } else if (all) {
      this.count.textContent = total === 1 ? "1 Maßnahme angezeigt" : "Alle " + total + " Maßnahmen angezeigt";
    } else {
      this.count.textContent = shown + " von " + plural(total) + " angezeigt";
    }
    this.table.hidden = shown === 0;
    if (this.empty) this.empty.hidden = shown !== 0;
  };

  Catalogue.prototype.key = function (row, index) {
    var cell = row.cells[index];
    var key = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    return key.trim();
  };

  Catalogue.prototype.order = function () {
    var rows = this.rows.slice();
    if (this.sort) {
      var index = this.sort.index;
      var factor = this.sort.descending ? -1 : 1;
      var numeric = this.headers[index].getAttribute("data-sort-method") === "number";
      var self = this;
      var keyed = rows.map(function (row, position) {
        return { row: row, key: self.key(row, index), position: position };
      });
      keyed.sort(function (a, b) {
        // Rows without a key (no rating) go last in either direction.
        if (!a.key || !b.key) {
          if (a.key === b.key) return a.position - b.position;
          return a.key ? -1 : 1;
        }
        var result = numeric
          ? parseFloat(a.key) - parseFloat(b.key)
          : a.key.localeCompare(b.key, "de", { numeric: true, sensitivity: "base" });
        return result ? factor * result : a.position - b.position;
      });
      rows = keyed.map(function (entry) {
        return entry.row;
      });
    }
    var body = this.body;
    rows.forEach(function (row) {
      body.appendChild(row);
    });
    var sort = this.sort;
    this.headers.forEach(function (header, i) {
      if (sort && sort.index === i) {
        header.setAttribute("aria-sort", sort.descending ? "descending" : "ascending");
      } else {
        header.removeAttribute("aria-sort");
      }
    });
  };

  /* Header cells become buttons: reachable with the keyboard, announced as such. */
  Catalogue.prototype.makeSortButtons = function () {
    var self = this;
    this.headers.forEach(function (header, index) {
      if (header.getAttribute("data-sort-method") === "none") return;
      header.removeAttribute("tabindex");
      var button = header.querySelector("button");
      if (!button) {
        button = document.createElement("button");
        button.type = "button";
        button.className = "katalog-sortieren";
        button.textContent = header.textContent;
        header.textContent = "";
        header.appendChild(button);
      }
      button.addEventListener("click", function () {
        var first = header.getAttribute("data-sort-erst") === "absteigend";
        if (self.sort && self.sort.index === index) {
          self.sort = { index: index, descending: !self.sort.descending };
        } else {
          self.sort = { index: index, descending: first };
        }
        self.order();
        self.remember(true);
      });
    });
  };

  Catalogue.prototype.columnName = function (index) {
    return this.headers[index].getAttribute("data-sortierung") || String(index);
  };

  /* The state as query parameters, in a fixed order (a shared address reads the same). */
  Catalogue.prototype.state = function () {
    var parts = [];
    var query = this.search ? this.search.value.trim() : "";
    if (query) parts.push("suche=" + encodeURIComponent(query));
    this.selects.forEach(function (select) {
      if (select.value) {
        parts.push(
          encodeURIComponent(select.getAttribute("data-katalog-feld")) +
            "=" +
            encodeURIComponent(select.value)
        );
      }
    });
    if (this.sort) {
      parts.push(SORT + "=" + encodeURIComponent(this.columnName(this.sort.index)));
      parts.push(DIRECTION + "=" + (this.sort.descending ? DOWN : UP));
    }
    return parts.length ? "?" + parts.join("&") : "";
  };

  Catalogue.prototype.remember = function (newEntry) {
    var search = this.state();
    if (search === window.location.search) return;
    var url = window.location.pathname + search + window.location.hash;
    try {
      if (newEntry) window.history.pushState(window.history.state, "", url);
      else window.history.replaceState(window.history.state, "", url);
    } catch (error) {
      // Some browsers refuse history changes for file:// pages; the state then lives in the
      // page only.
    }
  };

  /* Reads the address: filters, search and sorting; unknown values are ignored. */
  Catalogue.prototype.restore = function () {
    var params = {};
    window.location.search
      .replace(/^\?/, "")
      .split("&")
      .forEach(function (pair) {
        if (!pair) return;
        var at = pair.indexOf("=");
        var name = at < 0 ? pair : pair.slice(0, at);
        var value = at < 0 ? "" : pair.slice(at + 1);
        try {
          params[decodeURIComponent(name)] = decodeURIComponent(value.replace(/\+/g, " "));
        } catch (error) {
          // A malformed escape in a hand-edited address: ignore that parameter.
        }
      });
    if (this.search) this.search.value = params.suche || "";
    this.selects.forEach(function (select) {
      var wanted = params[select.getAttribute("data-katalog-feld")] || "";
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === wanted;
      });
      select.value = known ? wanted : "";
    });
    this.sort = null;
    for (var i = 0; i < this.headers.length; i++) {
      if (params[SORT] && this.columnName(i) === params[SORT]) {
        this.sort = { index: i, descending: params[DIRECTION] === DOWN };
      }
    }
    this.filter();
    this.order();
  };

  Catalogue.prototype.reset = function () {
    if (this.search) this.search.value = "";
    this.selects.forEach(function (select) {
      select.value = "";
    });
    this.sort = null;
    this.filter();
    this.order();
    this.remember(true);
  };

  Catalogue.prototype.start = function () {
    var self = this;
    var pending = null;
    this.makeSortButtons();
    this.form.addEventListener("input", function (event) {
      if (event.target !== self.search) return;
      // Typing fires an input event per key; filter and announce once typing pauses.
      if (pending) window.clearTimeout(pending);
      pending = window.setTimeout(function () {
        self.filter();
        self.remember(false);
      }, 250);
    });
    this.form.addEventListener("change", function (event) {
      if (event.target === self.search) return;
      self.filter();
      self.remember(true);
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.filter();
      self.remember(false);
    });
    this.form.addEventListener("reset", function (event) {
      event.preventDefault();
      self.reset();
    });
    if (this.empty) {
      var button = this.empty.querySelector("button");
      if (button) {
        button.addEventListener("click", function () {
          self.reset();
          if (self.search) self.search.focus();
        });
      }
    }
    window.addEventListener("popstate", function () {
      if (document.body.contains(self.table)) self.restore();
    });
    this.form.hidden = false;
    this.restore();
  };

  /* HTML forbids role attributes on rows and cells of a table without a role of its own
   * in the markup; the card layout on phones (display: block) needs them to keep the table's
   * meaning for screen readers, so the rows and cells get theirs here. */
  function giveRoles(table) {
    var rows = table.rows;
    for (var i = 0; i < rows.length; i++) {
      rows[i].setAttribute("role", "row");
      for (var j = 0; j < rows[i].cells.length; j++) {
        var cell = rows[i].cells[j];
        cell.setAttribute("role", cell.tagName === "TH" ? "columnheader" : "cell");
      }
    }
  }

  function setUp() {
    var table = document.querySelector("table[data-katalog]");
    var form = document.querySelector("form[data-katalog-filter]");
    var count = document.querySelector("[data-katalog-anzahl]");
    if (!table || !form || !count || table.getAttribute("data-katalog-bereit")) return;
    table.setAttribute("data-katalog-bereit", "ja");
    giveRoles(table);
    new Catalogue(table, form, count).start();
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
