/* The header search's first step, on every page: nothing of the search is
 * fetched until the reader focuses the field, types in it or presses the
 * shortcut Material's search had ("/", "s" or "f" outside a field). Then
 * search-engine.js (beside this file) is loaded and takes over.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-hub-search]");
  if (!form) return;
  var input = form.querySelector("input"), loading = false;
  var source = document.currentScript.src.replace(/search\.js(\?.*)?$/, "search-engine.js");

  function load() {
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = source;
    document.head.appendChild(script);
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", load);
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (["/", "s", "f"].indexOf(event.key) < 0) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
