/* The search index is loaded when the search is opened, not on every page start.
 *
 * Material's bundle (mkdocs-material 9.x) asks for the whole index as soon as it starts: over
 * http by XMLHttpRequest for search/search_index.json (its worker and its search highlighting
 * both subscribe at once), from file:// by adding <script src="search/search_index.js"> to
 * <head> (the offline plugin's copy). That is the largest file of the site, loaded by every
 * reader of every page, most of whom never search. This script, loaded before the bundle
 * (docs/theme/main.html, block scripts), holds exactly those two requests back until the
 * reader opens the search: the search toggle (#__search) is switched on (a click on the
 * magnifier, Material's keys "/", "s", "f", which click it too) or the search field gets the
 * focus. Pages opened from a search result (?h=… marks the words found) or with a query
 * (?q=…, the search form of the 404 page) need the index at once and load it. Everything else is Material's: once the index is there, its worker
 * is set up and answers the query typed meanwhile. No other request is touched.
 */
(function () {
  "use strict";

  var JSON_INDEX = /(^|\/)search\/search_index\.json(\?|#|$)/;
  var SCRIPT_INDEX = /(^|\/)search\/search_index\.js(\?|#|$)/;
  var wanted = /[?&][hq]=/.test(window.location.search);
  var waiting = [];

  function release() {
    if (wanted) return;
    wanted = true;
    var queued = waiting;
    waiting = [];
    for (var i = 0; i < queued.length; i++) queued[i]();
  }

  function whenWanted(action) {
    if (wanted) action();
    else waiting.push(action);
  }

  // Over http: Material's request() opens an XMLHttpRequest and sends it at once.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.strategieSuchindex = JSON_INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.strategieSuchindex && !wanted) {
      var request = this;
      var body = arguments;
      whenWanted(function () {
        send.apply(request, body);
      });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  // From file://: Material's watchScript() appends the index's <script> to <head>.
  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (node) {
    if (!wanted && node && node.tagName === "SCRIPT" && SCRIPT_INDEX.test(node.src || "")) {
      whenWanted(function () {
        append.call(head, node);
      });
      return node;
    }
    return append.apply(this, arguments);
  };

  // The search is opened. Listeners on the document: instant navigation keeps it.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.id === "__search" && target.checked) release();
  });
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("[data-md-component=search-query]")) release();
  });
})();
