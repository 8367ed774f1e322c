/* The navigation by keyboard (WCAG 2.1.1 Keyboard, 4.1.2 Name, Role, Value).
 *
 * Material draws the menu button (it opens the navigation drawer on narrow screens) and the
 * controls that open and close a section of the navigation as <label for="…"> of hidden
 * checkboxes. The overrides partials/header.html and partials/nav-item.html make them
 * focusable and give each its name in data-knopf-name (data-knopf-zustand where it opens
 * something). HTML allows no role and no aria-label on a <label>, so this script, which makes
 * them work as buttons, also makes them buttons: role="button", the name as aria-label and
 * aria-expanded. Without it they stay what they are without JavaScript, labels of
 * checkboxes. It also does the rest:
 *
 * - Enter and Space toggle them (a label ignores keys; Material clicks a focused label on
 *   Enter only, from a listener on window, which is kept from clicking it a second time);
 * - in the drawer, which shows one section at a time, the focus follows: into a section
 *   when it opens (onto its "Zurück aus …" title), back onto the section's button when it
 *   closes; the control pressed is hidden under the new view (a11y.css);
 * - Escape closes the open drawer and puts the focus back on the menu button;
 * - aria-expanded (and the menu button's name) follow the checkbox, whoever changes it: a
 *   click, Material closing the drawer when a link is followed, the browser restoring a
 *   form's state;
 * - the drawer gets an id, for the menu button's aria-controls.
 *
 * The listeners sit on the document, which Material's instant navigation keeps: they are
 * added once. The state is set again for every page (document$ emits for each page instant
 * navigation swaps in; without it, as offline from file://, the page's load does).
 */
(function () {
  "use strict";

  var CONTROL = 'label[for][role="button"][tabindex="0"]';
  var DRAWER = "__drawer";
  var DRAWER_ID = "strategie-navigation";
  // Material's breakpoint below which the navigation is a drawer (as in a11y.css).
  var DRAWER_MODE = window.matchMedia("(max-width: 76.234375em)");

  function controlsOf(checkbox) {
    return document.querySelectorAll(
      'label[role="button"][aria-expanded][for="' + checkbox.id + '"]'
    );
  }

  // In the drawer: the section that opened shows its title first, the one that closed
  // is a button again in the section above.
  function followFocus(control) {
    var checkbox = document.getElementById(control.htmlFor);
    if (!DRAWER_MODE.matches || !checkbox || checkbox.id === DRAWER) return;
    if (checkbox.checked) {
      var title = checkbox.parentElement.querySelector(":scope > .md-nav > .md-nav__title[tabindex]");
      // Without scrolling: the section is still sliding in from beside the drawer, and the
      // browser would scroll the drawer sideways to show it there.
      if (title) title.focus({ preventScroll: true });
    } else {
      var button = controlsOf(checkbox)[0];
      if (button) button.focus();
    }
  }

  function showState(checkbox) {
    var controls = controlsOf(checkbox);
    for (var i = 0; i < controls.length; i++) {
      controls[i].setAttribute("aria-expanded", checkbox.checked ? "true" : "false");
      if (checkbox.id === DRAWER) {
        var name = checkbox.checked ? "Navigation schließen" : "Navigation öffnen";
        controls[i].setAttribute("aria-label", name);
      }
    }
  }

  // The button semantics of the labels named in the markup (see above).
  function makeButtons() {
    var labels = document.querySelectorAll("label[for][data-knopf-name]");
    for (var i = 0; i < labels.length; i++) {
      var label = labels[i];
      label.setAttribute("role", "button");
      if (!label.hasAttribute("aria-label")) {
        label.setAttribute("aria-label", label.getAttribute("data-knopf-name"));
      }
      if (label.hasAttribute("data-knopf-zustand") && !label.hasAttribute("aria-expanded")) {
        var checkbox = document.getElementById(label.htmlFor);
        label.setAttribute("aria-expanded", checkbox && checkbox.checked ? "true" : "false");
      }
    }
  }

  function setUp() {
    makeButtons();
    var drawer = document.querySelector(".md-sidebar--primary");
    if (drawer && !drawer.id) drawer.id = DRAWER_ID;
    var controls = document.querySelectorAll(CONTROL);
    for (var i = 0; i < controls.length; i++) {
      var checkbox = document.getElementById(controls[i].htmlFor);
      if (checkbox) showState(checkbox);
      if (drawer && controls[i].htmlFor === DRAWER) {
        controls[i].setAttribute("aria-controls", drawer.id);
      }
    }
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.type === "checkbox" && target.id) {
      showState(target);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    var pressed = event.key === "Enter" || event.key === " ";
    if (pressed && target instanceof Element && target.matches(CONTROL)) {
      event.preventDefault(); // Space would scroll the page
      event.stopPropagation(); // Material's Enter handler (on window) would click it again
      if (!event.repeat) {
        target.click();
        followFocus(target);
      }
      return;
    }
    var drawer = document.getElementById(DRAWER);
    var search = document.getElementById("__search");
    // An open search is Material's to close first.
    if (event.key === "Escape" && drawer && drawer.checked && !(search && search.checked)) {
      drawer.click();
      var button = document.querySelector('label[role="button"][for="' + DRAWER + '"]');
      if (button) button.focus();
    }
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
