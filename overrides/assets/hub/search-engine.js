/* The site search (overrides/partials/hub-search.html), loaded by search.js
 * when the reader first reaches the search field.
 *
 * The index of the page's language (hooks/hub/search/) is fetched in pieces:
 * meta.json first, then for each query the chunk of terms its words fall in
 * and the pages shown. Words are compared the way hooks/hub/search/text.py
 * writes them into the index; the tests run both on every word of the site,
 * so change the two together. Results are built as DOM nodes with
 * textContent: nothing from the index is ever parsed as HTML.
 */
(function () {
  "use strict";

  /* ---- Words (hooks/hub/search/text.py) ---- */

  var DROPPED = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g;
  var FOLD = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "ء", "ئ": "ء", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي", "ے": "ي" };
  for (var d = 0; d < 10; d++) {
    FOLD[String.fromCharCode(0x0660 + d)] = String(d);
    FOLD[String.fromCharCode(0x06f0 + d)] = String(d);
  }
  var FOLDED = new RegExp("[" + Object.keys(FOLD).join("") + "]", "g");
  var WORD = /[\p{L}\p{N}]+/gu;
  var ARABIC_START = /^[\u0621-\u064a]/;
  var STOP = {
    en: "a an and are as at be by for from in into is it its of on or that the this to was were with",
    ar: "في من علي الي عن ان او و ما لا لم لن قد ثم مع هذا هذه ذلك تلك التي الذي الذين كان كانت هو هي"
  };
  var STOP_SETS = {};
  Object.keys(STOP).forEach(function (lang) {
    STOP_SETS[lang] = {};
    STOP[lang].split(" ").forEach(function (word) { STOP_SETS[lang][word] = true; });
  });
  var ARTICLE = ["وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"];
  var PROCLITIC = "وفبلك";
  var PRONOUN = ["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا"];
  var NUMBER = ["ات", "ون", "ين", "ه"];
  var ALTERNATIVE_WEIGHT = 0.5, MIN_PREFIX = 3, MAX_CHUNKS_PER_PREFIX = 2, PAGE_SIZE = 10;

  function isAscii(text) { return /^[\x00-\x7f]*$/.test(text); }

  function normalise(text, lang) {
    text = text.replace(DROPPED, "").replace(FOLDED, function (c) { return FOLD[c]; }).toLowerCase();
    if (!isAscii(text)) text = text.normalize("NFKD").replace(/\p{Mn}/gu, "");  // accents, ligatures, presentation forms
    return text;
  }

  function words(text, lang) {
    var stop = STOP_SETS[lang] || {};
    return (normalise(text, lang).match(WORD) || []).filter(function (w) { return w.length > 1 && !stop[w]; });
  }

  function startsWith(word, part) { return word.slice(0, part.length) === part; }
  function endsWith(word, part) { return word.length >= part.length && word.slice(word.length - part.length) === part; }

  function stripArticle(word) {
    for (var i = 0; i < ARTICLE.length; i++) {
      if (startsWith(word, ARTICLE[i]) && word.length - ARTICLE[i].length >= 2) return word.slice(ARTICLE[i].length);
    }
    return word;
  }

  function stripSuffixes(word) {
    for (var i = 0; i < PRONOUN.length; i++) {
      if (endsWith(word, PRONOUN[i]) && word.length - PRONOUN[i].length >= 3) {
        word = word.slice(0, word.length - PRONOUN[i].length);
        if (endsWith(word, "ت") && !endsWith(word, "ات")) word = word.slice(0, -1) + "ه";
        break;
      }
    }
    for (var j = 0; j < NUMBER.length; j++) {
      var suffix = NUMBER[j];
      if (endsWith(word, suffix) && word.length - suffix.length >= (suffix.length === 1 ? 2 : 3)) return word.slice(0, word.length - suffix.length);
    }
    return word;
  }

  function stemArabic(word) {
    var bare = stripArticle(word), stem = stripSuffixes(bare);
    if (bare !== word || PROCLITIC.indexOf(word[0]) < 0 || word.length < 4) return [stem, null];
    var alternative = stripSuffixes(word.slice(1));
    return [stem, alternative !== stem ? alternative : null];
  }

  function undouble(word) {
    var last = word[word.length - 1];
    return word.length > 3 && last === word[word.length - 2] && "aeiouylsz".indexOf(last) < 0 ? word.slice(0, -1) : word;
  }

  function stemEnglish(word) {
    if (endsWith(word, "'s")) word = word.slice(0, -2);
    if (word.length > 4 && endsWith(word, "ies")) word = word.slice(0, -3) + "y";
    else if (endsWith(word, "sses")) word = word.slice(0, -2);
    else if (word.length > 3 && endsWith(word, "s") && !endsWith(word, "ss") && !endsWith(word, "us") && !endsWith(word, "is")) word = word.slice(0, -1);
    if (word.length > 5 && endsWith(word, "ied")) word = word.slice(0, -3) + "y";
    else if (word.length > 5 && endsWith(word, "ing") && /[aeiouy]/.test(word.slice(0, -3))) word = undouble(word.slice(0, -3));
    else if (word.length > 4 && endsWith(word, "ed") && /[aeiouy]/.test(word.slice(0, -2))) word = undouble(word.slice(0, -2));
    if (word.length > 3 && endsWith(word, "e")) word = word.slice(0, -1);
    return word;
  }

  function stem(word) {
    if (/^[0-9]+$/.test(word)) return [word, null];
    return ARABIC_START.test(word) ? stemArabic(word) : [stemEnglish(word), null];
  }

  function prefixForm(word) { return ARABIC_START.test(word) ? stripArticle(word) : word; }

  function terms(text, lang) { return words(text, lang).map(stem); }

  /* ---- The index (hooks/hub/search/index.py, class Searcher) ---- */

  function Index(root, lang) {
    this.root = root;
    this.lang = lang;
    this.chunks = {};
    this.pages = {};
    this.meta = null;
  }

  Index.prototype.json = function (path) {
    return fetch(this.root + path).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    });
  };

  Index.prototype.ready = function () {
    var self = this;
    if (!this.meta) this.meta = this.json("meta.json");
    return this.meta.then(function (meta) { self.info = meta; return meta; });
  };

  Index.prototype.chunk = function (number) {
    if (!this.chunks[number]) this.chunks[number] = this.json(this.info.key + "/t/" + number + ".json");
    return this.chunks[number];
  };

  Index.prototype.page = function (number) {
    var file = Math.floor(number / this.info.k);  // pages come a few to a file
    if (!this.pages[file]) this.pages[file] = this.json(this.info.key + "/d/" + file + ".json");
    var at = number % this.info.k;
    return this.pages[file].then(function (pages) { return pages[at]; });
  };

  Index.prototype.chunkOf = function (term) {
    var firsts = this.info.c, low = 0, high = firsts.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (firsts[middle] <= term) low = middle + 1; else high = middle;
    }
    return Math.max(0, low - 1);
  };

  Index.prototype.postings = function (term) {
    return this.chunk(this.chunkOf(term)).then(function (chunk) {
      var flat = Object.prototype.hasOwnProperty.call(chunk, term) ? chunk[term] : [], found = new Map(), number = 0;
      for (var i = 0; i < flat.length; i += 2) {
        number += flat[i];
        found.set(number, flat[i + 1]);
      }
      return found;
    });
  };

  Index.prototype.withPrefix = function (prefix) {
    var self = this, first = this.chunkOf(prefix), numbers = [];
    for (var n = first; n < Math.min(first + MAX_CHUNKS_PER_PREFIX, this.info.c.length); n++) {
      if (n > first && !startsWith(this.info.c[n], prefix)) break;
      numbers.push(n);
    }
    return Promise.all(numbers.map(function (n) { return self.chunk(n); })).then(function (chunks) {
      var found = [];
      chunks.forEach(function (chunk) {
        Object.keys(chunk).forEach(function (t) { if (startsWith(t, prefix)) found.push(t); });
      });
      return found;
    });
  };

  /* Per word of the query: [term, factor] candidates. */
  Index.prototype.queryTerms = function (query) {
    var self = this, found = words(query, this.lang), seen = {}, complete = !query || /\s$/.test(query);
    var groups = [];
    found.forEach(function (word, position) {
      if (seen[word]) return;
      seen[word] = true;
      var pair = stem(word), prefix = prefixForm(word);
      // «بتونس» or «بلدية»: of the two readings, the one more pages use.
      var reading = !pair[1] ? Promise.resolve(pair[0]) : Promise.all([self.postings(pair[0]), self.postings(pair[1])]).then(function (found) {
        return found[1].size > found[0].size ? pair[1] : pair[0];
      });
      var more = position === found.length - 1 && !complete && prefix.length >= MIN_PREFIX ? self.withPrefix(prefix) : Promise.resolve([]);
      groups.push(Promise.all([reading, more]).then(function (parts) {
        return [[parts[0], 1]].concat(parts[1].filter(function (t) { return t !== pair[0] && t !== pair[1]; }).map(function (t) { return [t, ALTERNATIVE_WEIGHT]; }));
      }));
    });
    return Promise.all(groups);
  };

  /* Page numbers, best first (those matching the most words and every chosen
     filter, {name: value}), and the terms that matched. */
  Index.prototype.search = function (query, filters) {
    var self = this;
    return this.ready().then(function () { return self.queryTerms(query); }).then(function (groups) {
      return Promise.all(groups.map(function (group) {
        return Promise.all(group.map(function (candidate) { return self.postings(candidate[0]); }));
      })).then(function (postingsPerGroup) {
        var totals = new Map(), matched = new Map(), used = {};
        groups.forEach(function (group, g) {
          var best = new Map();
          group.forEach(function (candidate, c) {
            postingsPerGroup[g][c].forEach(function (weight, number) {
              var score = candidate[1] * weight;
              if (score > (best.get(number) || 0)) best.set(number, score);
              used[candidate[0]] = true;
            });
          });
          best.forEach(function (score, number) {
            totals.set(number, (totals.get(number) || 0) + score);
            matched.set(number, (matched.get(number) || 0) + 1);
          });
        });
        var top = 0;
        matched.forEach(function (count) { if (count > top) top = count; });
        var numbers = [];
        matched.forEach(function (count, number) { if (count === top) numbers.push(number); });
        numbers.sort(function (a, b) { return totals.get(b) - totals.get(a) || a - b; });
        var names = Object.keys(filters || {}).filter(function (name) { return filters[name]; }).sort();
        return Promise.all(names.map(function (name) { return self.postings("~" + name + ":" + filters[name]); })).then(function (allowed) {
          allowed.forEach(function (found) { numbers = numbers.filter(function (n) { return found.has(n); }); });
          return { numbers: numbers, terms: used };
        });
      });
    });
  };

  /* ---- Excerpts ---- */

  var TEXT_WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;
  var EXCERPT_WORDS = 28;

  function excerpt(text, lang, matchedTerms) {
    var tokens = [], match;
    TEXT_WORD.lastIndex = 0;
    while ((match = TEXT_WORD.exec(text)) !== null) {
      var hit = terms(match[0], lang).some(function (pair) { return matchedTerms[pair[0]] || (pair[1] && matchedTerms[pair[1]]); });
      tokens.push({ start: match.index, end: match.index + match[0].length, hit: hit });
    }
    var best = -1, bestCount = 0;
    for (var i = 0; i < tokens.length; i++) {
      if (!tokens[i].hit) continue;
      var count = 0;
      for (var j = i; j < Math.min(tokens.length, i + EXCERPT_WORDS); j++) if (tokens[j].hit) count++;
      if (count > bestCount) { best = i; bestCount = count; }
    }
    var from = Math.max(0, (best < 0 ? 0 : best) - 6), to = Math.min(tokens.length, from + EXCERPT_WORDS);
    var parts = [];
    if (!tokens.length) return parts;
    var cursor = tokens[from].start;
    if (from > 0) parts.push({ text: "… " });
    for (var k = from; k < to; k++) {
      if (tokens[k].hit) {
        parts.push({ text: text.slice(cursor, tokens[k].start) });
        parts.push({ text: text.slice(tokens[k].start, tokens[k].end), mark: true });
        cursor = tokens[k].end;
      }
    }
    var end = to < tokens.length ? tokens[to - 1].end : text.length;
    parts.push({ text: text.slice(cursor, end) + (to < tokens.length ? " …" : "") });
    return parts;
  }

  /* ---- The interface ---- */

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    var input = form.querySelector("input"), panel = form.querySelector(".hub-search__panel");
    var status = form.querySelector(".hub-search__status"), list = form.querySelector(".hub-search__list");
    var more = form.querySelector(".hub-search__more");
    var lang = document.documentElement.lang || "en";
    var plural = JSON.parse(form.dataset.plural), rules = new Intl.PluralRules(lang);
    var index = new Index(form.dataset.hubSearch, lang);
    var root = new URL(form.dataset.hubSearch + "../", location.href).href;
    var sequence = 0, timer = 0, current = null, shown = 0;

    window.hubSearch = { terms: terms, index: index };

    function open(state) { panel.hidden = !state; }

    // The case filters, from the index's meta.json: one labelled select each.
    var selects = [];
    function addFilters(meta) {
      if (!meta.f || selects.length) return;
      var box = document.createElement("div");
      box.className = "hub-search__filters";
      meta.f.by.forEach(function (filter) {
        var label = document.createElement("label"), select = document.createElement("select");
        select.id = "hub-search-filter-" + filter[0];
        select.name = filter[0];
        label.htmlFor = select.id;
        label.textContent = filter[1];
        [["", meta.f.all]].concat(filter[2]).forEach(function (choice) {
          var option = document.createElement("option");
          option.value = choice[0];
          option.textContent = choice[1];
          select.appendChild(option);
        });
        select.addEventListener("change", function () { form.setAttribute("aria-busy", "true"); run(); });
        var field = document.createElement("span");
        field.className = "hub-search__filter";
        field.appendChild(label);
        field.appendChild(select);
        box.appendChild(field);
        selects.push(select);
      });
      panel.insertBefore(box, status);
    }

    function chosen() {
      var filters = {};
      selects.forEach(function (select) { if (select.value) filters[select.name] = select.value; });
      return filters;
    }

    function say(text) { status.textContent = text; }

    function count(n) {
      var key = n === 0 ? "zero" : rules.select(n);
      return (plural[key] || plural.other).replace("{n}", n.toLocaleString(lang));
    }

    function item(page, number, matchedTerms) {
      var li = document.createElement("li"), link = document.createElement("a"), text = document.createElement("p");
      li.className = "hub-search__item";
      link.href = root + page.u;
      link.textContent = page.t;
      link.className = "hub-search__link";
      text.className = "hub-search__excerpt";
      excerpt(page.x, lang, matchedTerms).forEach(function (part) {
        if (part.mark) {
          var mark = document.createElement("mark");
          mark.textContent = part.text;
          text.appendChild(mark);
        } else {
          text.appendChild(document.createTextNode(part.text));
        }
      });
      li.dataset.page = String(number);
      li.appendChild(link);
      li.appendChild(text);
      return li;
    }

    function showMore(ticket) {
      var numbers = current.numbers.slice(shown, shown + PAGE_SIZE);
      return Promise.all(numbers.map(function (n) { return index.page(n); })).then(function (pages) {
        if (ticket !== sequence) return;
        pages.forEach(function (page, i) { list.appendChild(item(page, numbers[i], current.terms)); });
        shown += pages.length;
        more.hidden = shown >= current.numbers.length;
      });
    }

    function run() {
      var query = input.value, ticket = ++sequence;
      form.setAttribute("aria-busy", "true");
      if (!query.trim()) {
        form.removeAttribute("aria-busy");
        list.textContent = "";
        say("");
        more.hidden = true;
        open(false);
        return;
      }
      open(true);
      if (!words(query, lang).length) {
        list.textContent = "";
        more.hidden = true;
        say(form.dataset.tooShort);
        form.removeAttribute("aria-busy");
        return;
      }
      index.ready().then(addFilters).then(function () { return index.search(query, chosen()); }).then(function (result) {
        if (ticket !== sequence) return;
        current = result;
        shown = 0;
        list.textContent = "";
        return showMore(ticket).then(function () {
          if (ticket === sequence) say(count(result.numbers.length));
        });
      }).catch(function () {
        if (ticket === sequence) say(form.dataset.error);
      }).then(function () {
        if (ticket === sequence) form.removeAttribute("aria-busy");
      });
    }

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

    function move(step) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (!all.length) return;
      if (at < 0) at = step > 0 ? -1 : all.length;
      var next = at + step;
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    }

    input.addEventListener("focus", function () {
      index.ready().catch(function () { index.meta = null; });
      if (input.value.trim()) open(true);
    });
    input.addEventListener("input", function () {
      form.setAttribute("aria-busy", "true");  // results are about to change
      sequence++;  // a search still running is for an older query: it no longer updates the results
      clearTimeout(timer);
      timer = setTimeout(run, 250);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) first.click();
    });
    form.addEventListener("keydown", function (event) {
      if (event.target.tagName === "SELECT" && event.key !== "Escape") return;  // arrows choose an option
      if (event.key === "Escape") {
        if (panel.hidden && input.value) { input.value = ""; run(); }
        input.focus();  // may reopen the panel: close it after
        open(false);
        event.preventDefault();
      } else if (event.key === "ArrowDown" && !panel.hidden) {
        move(1);
        event.preventDefault();
      } else if (event.key === "ArrowUp" && !panel.hidden) {
        move(-1);
        event.preventDefault();
      }
    });
    more.addEventListener("click", function () {
      var first = list.children.length;
      showMore(sequence).then(function () {
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
    document.addEventListener("focusin", function (event) {
      if (!form.contains(event.target)) open(false);
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) open(false);
    });
    // The reader may have typed while this script was loading.
    if (document.activeElement === input) index.ready().catch(function () { index.meta = null; });
    if (input.value.trim()) run();
  }

  var form = document.querySelector("form[data-hub-search]");
  if (form) setup(form);
})();
