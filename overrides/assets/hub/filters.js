/* Filters for a list of cards: the case library and the media index.
 *
 * A form[data-hub-filter="<list id>"] holds one <select> per filter. An item
 * of the list stays visible when, for every chosen filter NAME, its
 * data-NAME attribute (a space-separated list of values) holds the chosen
 * value. The count (data-hub-count="<id>", a polite live region) is written
 * with the language's plural rules, and the choice is kept in the address so
 * a filtered view can be shared. Without JavaScript the form is hidden by CSS
 * and the full list shows.
 */
(function () {
  "use strict";

  function toArray(list) { return Array.prototype.slice.call(list); }

  function setupForm(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    var items = toArray(document.getElementById(form.dataset.hubFilter).children);
    var count = document.getElementById(form.dataset.hubCount);
    var texts = JSON.parse(form.dataset.plural);
    var lang = document.documentElement.lang || "en";
    var rules = new Intl.PluralRules(lang);
    var selects = toArray(form.querySelectorAll("select"));

    function matches(item) {
      return selects.every(function (select) {
        return !select.value || (item.dataset[select.name] || "").split(" ").indexOf(select.value) >= 0;
      });
    }

    function apply(updateAddress) {
      var shown = 0;
      items.forEach(function (item) {
        item.hidden = !matches(item);
        if (!item.hidden) shown += 1;
      });
      var key = shown === 0 ? "zero" : rules.select(shown);
      count.textContent = (texts[key] || texts.other).replace("{n}", shown.toLocaleString(lang));
      if (updateAddress) {
        var params = new URLSearchParams(location.search);
        selects.forEach(function (select) {
          if (select.value) params.set(select.name, select.value); else params.delete(select.name);
        });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    // Take the filters from the address; ignore values no option offers.
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && toArray(select.options).some(function (option) { return option.value === wanted; })) {
        select.value = wanted;
      }
    });

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { apply(true); }, 0);  // the form clears itself after this event
    });
    apply(false);
  }

  function setup() {
    toArray(document.querySelectorAll("form[data-hub-filter]")).forEach(setupForm);
  }

  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
