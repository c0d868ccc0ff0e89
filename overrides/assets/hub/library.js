/* Library filters. The page lists every case without JavaScript (the form
   is hidden by CSS then); this script hides the cases that do not match every chosen
   filter, announces the count and keeps the choice in the address so a
   filtered view can be shared. */
(function () {
  "use strict";

  var FILTERS = ["theme", "type", "country", "phase"];

  function matches(item, chosen) {
    if (chosen.theme && item.dataset.themes.split(" ").indexOf(chosen.theme) < 0) return false;
    if (chosen.type && item.dataset.type !== chosen.type) return false;
    if (chosen.country && item.dataset.country !== chosen.country) return false;
    // A case about both phases belongs to each of them.
    if (chosen.phase && item.dataset.phase !== chosen.phase && item.dataset.phase !== "both") return false;
    return true;
  }

  function setup() {
    var form = document.getElementById("hub-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    var items = Array.prototype.slice.call(document.querySelectorAll("ul.hub-cases > li"));
    var count = document.getElementById("hub-count");
    var texts = JSON.parse(form.dataset.plural);
    var rules = new Intl.PluralRules(document.documentElement.lang || "en");

    function chosen() {
      var out = {};
      FILTERS.forEach(function (name) { out[name] = form.elements[name].value; });
      return out;
    }

    function apply(updateAddress) {
      var choice = chosen();
      var shown = 0;
      items.forEach(function (item) {
        var visible = matches(item, choice);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      var key = shown === 0 ? "zero" : rules.select(shown);
      count.textContent = (texts[key] || texts.other).replace("{n}", shown.toLocaleString(document.documentElement.lang));
      if (updateAddress) {
        var params = new URLSearchParams(location.search);
        FILTERS.forEach(function (name) {
          if (choice[name]) params.set(name, choice[name]); else params.delete(name);
        });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    // Take the filters from the address; ignore values no option offers.
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var select = form.elements[name];
      var wanted = params.get(name);
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      // The reset happens after this event; apply the cleared form next.
      setTimeout(function () { apply(true); }, 0);
    });
    apply(false);
  }

  if (window.document$) {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
