/* The self-assessment and its workshop mode, entirely in the browser.
 *
 * The question bank for the page's language is embedded in the page as JSON
 * (#hub-assessment-data). Answers live only in localStorage, under a key that
 * carries the bank's version; nothing is ever sent anywhere. This file holds
 * the only implementation of the scoring, which the browser tests exercise.
 */
(function () {
  "use strict";

  var FORMAT = "hub-self-assessment";
  var KEY_PREFIX = "hub-assessment-v";
  var DAMAGED_KEY = "hub-assessment-damaged";
  var OWNED_PREFIX = "hub-assessment-";
  var TEXT_MAX = 2000;
  var FILE_MAX_BYTES = 1000000;
  // The export file's own format: 1 held answers and goals (files without a
  // version); 2 adds the action plan and the earlier run kept for comparison.
  var FILE_VERSION = 2;
  var LEVEL_VALUES = [1, 2, 3, 4];
  var OTHER_VALUES = ["dk", "na"];

  /* ---------------------------------------------------------------- scoring */

  /** Score of one dimension: mean of the levels given, rescaled to 0-100.
   *  "dk" (don't know) and "na" (not applicable) are left out, not zero. */
  function dimensionScore(dimension, answers) {
    var levels = [];
    dimension.indicators.forEach(function (indicator) {
      var answer = answers[indicator.id];
      if (answer && LEVEL_VALUES.indexOf(answer.level) >= 0) levels.push(answer.level);
    });
    if (!levels.length) return null;
    var mean = levels.reduce(function (a, b) { return a + b; }, 0) / levels.length;
    return Math.round((mean - 1) / 3 * 100);
  }

  function bandOf(score, bands) {
    if (score === null) return null;
    var found = bands[0];
    bands.forEach(function (band) { if (score >= band.min) found = band; });
    return found;
  }

  function answeredCount(dimension, answers) {
    return dimension.indicators.filter(function (i) { return answers[i.id] && answers[i.id].level !== undefined; }).length;
  }

  function results(bank, phaseIds, answers) {
    var out = [];
    bank.phases.forEach(function (phase) {
      if (phaseIds.indexOf(phase.id) < 0) return;
      phase.dimensions.forEach(function (dimension) {
        var score = dimensionScore(dimension, answers);
        out.push({
          phase: phase, dimension: dimension, score: score, band: bandOf(score, bank.bands),
          answered: answeredCount(dimension, answers), total: dimension.indicators.length
        });
      });
    });
    return out;
  }

  /* ---------------------------------------------------------------- storage */

  /* Found by reading, not by a test write: a full storage must still give
     back the answers it holds. Every write then says whether it worked. */
  var storage = (function () {
    try {
      var found = window.localStorage;
      found.getItem(KEY_PREFIX + "probe");
      return found;
    } catch (error) {
      return null;
    }
  })();

  function read(key) { try { return storage ? storage.getItem(key) : null; } catch (e) { return null; } }

  /** True only when `value` is really stored under `key`: a write that throws
   *  (storage full) or is dropped silently is a failure. */
  function write(key, value) {
    if (!storage) return false;
    try { storage.setItem(key, value); } catch (e) { return false; }
    return read(key) === value;
  }

  function remove(key) { try { if (storage) storage.removeItem(key); } catch (e) { /* the caller checks what is left */ } }

  /** Every key this page has written: answers of any bank version and set-aside copies. */
  function ownedKeys() {
    var keys = [];
    try {
      for (var i = 0; storage && i < storage.length; i += 1) {
        var key = storage.key(i);
        if (key !== null && key.indexOf(OWNED_PREFIX) === 0) keys.push(key);
      }
    } catch (e) { /* nothing readable, nothing owned */ }
    return keys;
  }

  /** Keep a copy of data that could not be read whole under a key of its own,
   *  never over an earlier copy; true only when the copy is really stored. */
  function setAside(raw) {
    var copies = ownedKeys().filter(function (key) { return key.indexOf(DAMAGED_KEY) === 0; });
    if (copies.some(function (key) { return read(key) === raw; })) return true;
    return write(copies.indexOf(DAMAGED_KEY) < 0 ? DAMAGED_KEY : DAMAGED_KEY + "-" + Date.now(), raw);
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isCount(value) { return Number.isInteger(value) && value >= 0; }

  /** What stored or exported data may hold, taken from the bank. Ids are kept
   *  in Maps, so "constructor", "toString" or "__proto__" are never known ids. */
  function rulesOf(bank) {
    var rules = { levels: bank.scale.length, indicators: new Map(), dimensions: new Map(), phases: new Map(), steps: 0 };
    bank.phases.forEach(function (phase) {
      rules.phases.set(phase.id, true);
      rules.steps += phase.dimensions.length;
      phase.dimensions.forEach(function (dimension) {
        rules.dimensions.set(dimension.id, phase.id);
        dimension.indicators.forEach(function (indicator) { rules.indicators.set(indicator.id, phase.id); });
      });
    });
    return rules;
  }

  /** A level of the bank's scale (1 to n, also when written as text, "3"),
   *  "dk" or "na"; undefined for anything else. */
  function levelOf(value, rules) {
    var level = typeof value === "string" && /^[0-9]{1,3}$/.test(value) ? Number(value) : value;
    if (Number.isInteger(level) && level >= 1 && level <= rules.levels) return level;
    return OTHER_VALUES.indexOf(value) >= 0 ? value : undefined;
  }

  function text(value) { return typeof value === "string" ? value.slice(0, TEXT_MAX) : ""; }

  /** Keep every answer that can be kept. `dropped` counts what carried
   *  something and was left out: an unknown id, a value that is no answer. */
  function cleanAnswers(raw, rules) {
    var out = { answers: {}, dropped: 0 };
    if (raw === undefined || raw === null) return out;
    if (!isPlainObject(raw)) { out.dropped = 1; return out; }
    Object.keys(raw).forEach(function (id) {
      var answer = raw[id];
      if (!rules.indicators.has(id) || !isPlainObject(answer)) { out.dropped += 1; return; }
      var clean = {};
      var level = levelOf(answer.level, rules);
      if (level !== undefined) clean.level = level;
      if (text(answer.note)) clean.note = text(answer.note);
      var lost = (answer.level !== undefined && level === undefined) || (answer.note !== undefined && typeof answer.note !== "string");
      if (lost) out.dropped += 1;
      if (clean.level !== undefined || clean.note) out.answers[id] = clean;
    });
    return out;
  }

  /** Goals are written per dimension; the same rules as answers. */
  function cleanGoals(raw, rules) {
    var out = { goals: {}, dropped: 0 };
    if (raw === undefined || raw === null) return out;
    if (!isPlainObject(raw)) { out.dropped = 1; return out; }
    Object.keys(raw).forEach(function (id) {
      if (!rules.dimensions.has(id) || typeof raw[id] !== "string") out.dropped += 1;
      else if (raw[id]) out.goals[id] = text(raw[id]);
    });
    return out;
  }

  /* The action plan: up to five dimensions, each with a goal, a first step,
     its date and who could help. Its limits keep a full plan on one printed
     page; whatever a file holds beyond them is clipped and counted. */
  var PLAN = { items: 5, helpers: 3, goal: 160, step: 160, other: 100 };
  var PLAN_ID = /^[A-Za-z0-9-]{8,64}$/;
  // A suggestion is kept as the address the site gave it (relative, no scheme);
  // the page only ever links to the suggestions it offers itself.
  var HELPER_REF = /^[A-Za-z0-9._~\/#%-]{1,300}$/;

  function emptyPlan() { return { items: [], retake: "" }; }

  /** At most `max` UTF-16 units, never half of a character. */
  function clip(value, max) {
    if (value.length <= max) return value;
    var cut = value.slice(0, max);
    return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  }

  /** A calendar date written YYYY-MM-DD that exists (no 31 April), 2000-2100; "" otherwise. */
  function dateOf(value) {
    var match = typeof value === "string" ? /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value) : null;
    if (!match) return "";
    var year = Number(match[1]);
    var day = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
    var same = day.getUTCFullYear() === year && day.getUTCMonth() === Number(match[2]) - 1 && day.getUTCDate() === Number(match[3]);
    return same && year >= 2000 && year <= 2100 ? value : "";
  }

  /** Something that was given (not absent, null or "") but could not be kept. */
  function given(value) { return value !== undefined && value !== null && value !== ""; }

  /** A plan read field by field: {plan, dropped, clipped, beyond}. Only known
   *  fields are read, so keys such as "__proto__" are never looked at. */
  function cleanPlan(raw, rules) {
    var out = { plan: emptyPlan(), dropped: 0, clipped: 0, beyond: 0 };
    if (!given(raw)) return out;
    if (!isPlainObject(raw)) { out.dropped = 1; return out; }
    if (typeof raw.id === "string" && PLAN_ID.test(raw.id)) out.plan.id = raw.id;
    else if (given(raw.id)) out.dropped += 1;
    out.plan.retake = dateOf(raw.retake);
    if (given(raw.retake) && !out.plan.retake) out.dropped += 1;
    if (!given(raw.items)) return out;
    if (!Array.isArray(raw.items)) { out.dropped += 1; return out; }
    var seen = new Map();
    raw.items.forEach(function (item) {
      if (!isPlainObject(item) || typeof item.dimension !== "string" || !rules.dimensions.has(item.dimension) || seen.has(item.dimension)) {
        out.dropped += 1;
        return;
      }
      if (out.plan.items.length >= PLAN.items) { out.beyond += 1; return; }
      seen.set(item.dimension, true);
      var clean = { dimension: item.dimension, goal: "", step: "", date: dateOf(item.date), helpers: [], other: "" };
      if (given(item.date) && !clean.date) out.dropped += 1;
      ["goal", "step", "other"].forEach(function (field) {
        var value = item[field];
        if (!given(value)) return;
        if (typeof value !== "string") { out.dropped += 1; return; }
        clean[field] = clip(value, PLAN[field]);
        if (clean[field] !== value) out.clipped += 1;
      });
      if (given(item.helpers) && !Array.isArray(item.helpers)) out.dropped += 1;
      (Array.isArray(item.helpers) ? item.helpers : []).forEach(function (ref) {
        if (typeof ref !== "string" || !HELPER_REF.test(ref)) out.dropped += 1;
        else if (clean.helpers.indexOf(ref) >= 0) return;
        else if (clean.helpers.length >= PLAN.helpers) out.clipped += 1;
        else clean.helpers.push(ref);
      });
      out.plan.items.push(clean);
    });
    return out;
  }

  /** The run kept when the reader retakes the assessment, to compare with:
   *  {previous (or null), dropped, clipped, beyond}. */
  function cleanPrevious(raw, rules) {
    if (!given(raw)) return { previous: null, dropped: 0, clipped: 0, beyond: 0 };
    if (!isPlainObject(raw)) return { previous: null, dropped: 1, clipped: 0, beyond: 0 };
    var answers = cleanAnswers(raw.answers, rules);
    var plan = cleanPlan(raw.plan, rules);
    var date = typeof raw.date === "string" && /^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(raw.date) ? raw.date.slice(0, 40) : "";
    var kept = Object.keys(answers.answers).length > 0;
    return {
      previous: kept ? { date: date, answers: answers.answers, plan: plan.plan } : null,
      dropped: answers.dropped + plan.dropped + (kept ? 0 : 1), clipped: plan.clipped, beyond: plan.beyond
    };
  }

  /** Saved or exported data read field by field: {state, dropped}, keeping
   *  all that can be kept; null when it is not this page's data at all. */
  function parseState(data, rules) {
    if (!isPlainObject(data) || data.format !== FORMAT || !isCount(data.bank)) return null;
    var answers = cleanAnswers(data.answers, rules);
    var goals = cleanGoals(data.goals, rules);
    var plan = cleanPlan(data.plan, rules);
    var previous = cleanPrevious(data.previous, rules);
    var phases = [];
    function choose(id) { if (typeof id === "string" && rules.phases.has(id) && phases.indexOf(id) < 0) phases.push(id); }
    if (Array.isArray(data.phases)) data.phases.forEach(choose);
    // Without a valid choice, the phases that hold answers.
    if (!phases.length) Object.keys(answers.answers).forEach(function (id) { choose(rules.indicators.get(id)); });
    return {
      dropped: answers.dropped + goals.dropped + plan.dropped + previous.dropped,
      clipped: plan.clipped + previous.clipped,
      beyond: plan.beyond + previous.beyond,
      state: {
        format: FORMAT, bank: data.bank, phases: phases, answers: answers.answers, goals: goals.goals,
        plan: plan.plan, previous: previous.previous,
        step: isCount(data.step) && data.step < rules.steps ? data.step : 0,
        view: data.view === "questions" || data.view === "results" ? data.view : "start",
        exported: typeof data.exported === "string" ? data.exported.slice(0, 40) : null
      }
    };
  }

  function hasContent(state) {
    return Object.keys(state.answers).length > 0 || Object.keys(state.goals).length > 0 || state.plan.items.length > 0;
  }

  function parseText(raw, rules) {
    try { return parseState(JSON.parse(raw), rules); } catch (error) { return null; }
  }

  function emptyState(bank) {
    return { format: FORMAT, bank: bank.version, phases: [], answers: {}, goals: {}, plan: emptyPlan(), previous: null, step: 0, view: "start" };
  }

  /** Load saved answers. What cannot be read whole is set aside before
   *  anything is removed; answers of older banks are carried over by id. */
  function loadState(bank, rules) {
    var key = KEY_PREFIX + bank.version;
    var raw = read(key);
    if (raw !== null) {
      var parsed = parseText(raw, rules);
      // A text clipped or a plan item beyond the limits is lost too.
      var lost = parsed === null ? 0 : parsed.dropped + parsed.clipped + parsed.beyond;
      // Readable: this bank's data, with something kept or nothing left out.
      var readable = parsed !== null && parsed.state.bank === bank.version && (!lost || hasContent(parsed.state));
      if (readable && !lost) return { state: parsed.state, notices: [] };
      var keptAside = setAside(raw);
      if (keptAside && !readable) remove(key);
      return {
        state: readable ? parsed.state : emptyState(bank),
        notices: [{
          kind: readable ? "partial" : "damaged", raw: raw, keptAside: keptAside,
          dropped: readable ? lost : 0, kept: readable ? Object.keys(parsed.state.answers).length : 0
        }]
      };
    }
    for (var version = bank.version - 1; version >= 0; version -= 1) {
      var older = parseText(read(KEY_PREFIX + version), rules);
      if (!older) continue;
      // The older answers stay stored under their own key, for export.
      var state = older.state;
      state.bank = bank.version;
      state.view = "start";
      state.step = 0;
      return { state: state, notices: [{ kind: "migrated", kept: Object.keys(state.answers).length }] };
    }
    return { state: emptyState(bank), notices: [] };
  }

  /* ---------------------------------------------------------------- helpers */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /** A column heading whose "(…)" part (a range, a unit) never breaks and
   *  keeps its left-to-right order inside Arabic text. */
  function heading(text) {
    var match = /^(.*?)\s*(\([^)]*\))$/.exec(text);
    if (!match) return el("th", { scope: "col", text: text });
    return el("th", { scope: "col" }, [match[1] + " ", el("bdi", { class: "hub-nowrap", dir: "ltr", text: match[2] })]);
  }

  /** A table in a box that scrolls on its own when the screen is too narrow.
   *  Its caption is shown above the box, so a wide table never cuts it off;
   *  screen readers still get it as the table's caption. Under a heading
   *  that already says it (`titled`), it is not shown twice. */
  function scrollBox(table, label, titled) {
    table.querySelector("caption").classList.add("hub-visually-hidden");
    return el("div", { class: "hub-table-box" }, [
      titled ? null : el("p", { class: "hub-table-box__title", "aria-hidden": "true", text: label }),
      el("div", { class: "hub-scroll", tabindex: "0", role: "region", "aria-label": label }, [table])
    ]);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return values[name] !== undefined ? String(values[name]) : match;
    });
  }

  function download(filename, text, type) {
    var blob = new Blob([text], { type: type || "application/json" });
    var link = el("a", { href: URL.createObjectURL(blob), download: filename });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function readFile(file) {
    return new Promise(function (resolve) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result)); };
      reader.onerror = function () { resolve(null); };
      reader.readAsText(file);
    });
  }

  /* The action plan's interface is a script of its own, fetched with the
     details: the first view does without it. It adds its methods to App. */
  var PLAN_SCRIPT = document.currentScript.src.replace(/assessment\.js(\?.*)?$/, "assessment-plan.js");
  var planRequest = null;

  function loadPlan() {
    if (!planRequest) {
      planRequest = new Promise(function (resolve, reject) {
        if (window.hubAssessmentPlan) { resolve(); return; }
        var script = el("script", { src: PLAN_SCRIPT });
        script.onload = function () { resolve(); };
        script.onerror = function () { script.remove(); planRequest = null; reject(new Error(PLAN_SCRIPT)); };
        document.head.appendChild(script);
      }).then(function () {
        window.hubAssessmentPlan(App, { el: el, format: format, download: download, messageBox: messageBox, clip: clip, dateOf: dateOf, PLAN: PLAN });
      });
    }
    return planRequest;
  }

  /* ---------------------------------------------------------------- the app */

  function App(root, bank) {
    this.root = root;
    this.bank = bank;
    this.t = bank.strings;
    this.rules = rulesOf(bank);
    this.dimensions = {};
    var self = this;
    bank.phases.forEach(function (phase) {
      phase.dimensions.forEach(function (dimension) {
        self.dimensions[dimension.id] = { phase: phase, dimension: dimension };
      });
    });
  }

  App.prototype.key = function () { return KEY_PREFIX + this.bank.version; };

  /** Save, and say so while saving fails: the warning stays until a save
   *  works. While damaged data is held (it could not be set aside), nothing
   *  is written over it. True when the answers are stored. */
  App.prototype.save = function () {
    this.state.updated = new Date().toISOString();
    var problem = null;
    if (this.held !== null) problem = this.t.assess_save_held;
    else if (!write(this.key(), JSON.stringify(this.state))) problem = storage ? this.t.assess_save_failed : this.t.assess_storage_unavailable;
    this.showSaveProblem(problem);
    return problem === null;
  };

  /* One live region for saving. A problem is announced again at every failed
     save, except while the reader types a note or goal: once is enough there,
     not at every keystroke. */
  App.prototype.showSaveProblem = function (problem) {
    var typing = document.activeElement && document.activeElement.tagName === "TEXTAREA";
    if (problem === this.saveProblem && (typing || !problem)) return;
    this.saveProblem = problem;
    this.saveStatus.textContent = "";
    if (problem) this.saveStatus.appendChild(messageBox(problem, "warning"));
  };

  App.prototype.start = function () {
    var loaded = loadState(this.bank, this.rules);
    this.state = loaded.state;
    this.held = null;
    this.saveProblem = null;
    this.root.textContent = "";
    this.live = el("p", { class: "hub-visually-hidden", role: "status", "aria-live": "polite" });
    this.saveStatus = el("div", { class: "hub-save-status", role: "alert" });
    this.messages = el("div", { class: "hub-messages" });
    this.view = el("div", { class: "hub-view" });
    this.root.appendChild(this.live);
    this.root.appendChild(this.saveStatus);
    this.root.appendChild(this.messages);
    this.root.appendChild(this.view);
    if (!storage) this.showSaveProblem(this.t.assess_storage_unavailable);
    var self = this;
    loaded.notices.forEach(function (notice) {
      if (notice.kind === "migrated") {
        self.message(format(self.t.assess_migrated, { kept: notice.kept }), "info");
        self.save();
      } else {
        self.damagedNotice(notice);
      }
    });
    // A reader coming back to a part or to the results lands there, below the
    // page's introduction (and any notice about the saved answers), not at the top.
    // The browser's own restoring of the scroll position would undo it.
    if (this.state.view !== "start" && "scrollRestoration" in history) history.scrollRestoration = "manual";
    this.render(this.state.view !== "start" ? "restore" : false);
  };

  /** Tell what happened to data that could not be read whole, and offer it as
   *  a download. When it could not be set aside, it is held: nothing is saved
   *  over it until the reader has downloaded it. */
  App.prototype.damagedNotice = function (notice) {
    var t = this.t;
    var self = this;
    var text = !notice.keptAside ? t.assess_storage_not_set_aside
      : notice.kind === "partial" ? format(t.assess_storage_partial, notice) : t.assess_storage_corrupt;
    var box;
    var button = el("button", { type: "button", class: "md-button", text: t.assess_download_damaged, onclick: function () {
      download("self-assessment-damaged.txt", notice.raw, "text/plain");
      if (self.held === notice.raw) {
        self.held = null;
        box.removeAttribute("data-keep");
        self.save();
      }
    } });
    box = this.message(text, "warning", button);
    if (!notice.keptAside) {
      this.held = notice.raw;
      box.setAttribute("data-keep", "");
    } else if (notice.kind === "partial") {
      this.save();
    }
  };

  function messageBox(text, kind, extra) {
    return el("div", { class: "hub-message hub-message--" + (kind || "info") }, [el("p", { text: text }), extra || null]);
  }

  App.prototype.message = function (text, kind, extra) {
    var box = messageBox(text, kind, extra);
    box.setAttribute("role", kind === "warning" ? "alert" : "status");
    this.messages.appendChild(box);
    return box;
  };

  /** Remove the messages, except one that still holds the only copy of damaged data. */
  App.prototype.clearMessages = function () {
    Array.prototype.slice.call(this.messages.children).forEach(function (box) {
      if (!box.hasAttribute("data-keep")) box.remove();
    });
  };

  App.prototype.steps = function () {
    var self = this;
    var out = [];
    this.bank.phases.forEach(function (phase) {
      if (self.state.phases.indexOf(phase.id) < 0) return;
      phase.dimensions.forEach(function (dimension) { out.push({ phase: phase, dimension: dimension }); });
    });
    return out;
  };

  App.prototype.progress = function () {
    var answers = this.state.answers;
    var total = 0;
    var answered = 0;
    this.steps().forEach(function (step) {
      total += step.dimension.indicators.length;
      answered += answeredCount(step.dimension, answers);
    });
    return { answered: answered, total: total };
  };

  App.prototype.render = function (moveFocus) {
    this.view.textContent = "";
    // Level descriptions, next steps and recommended cases are fetched when
    // a reader first opens a part or the results: the start does without them.
    if (this.state.view !== "start" && this.state.phases.length && !this.details) {
      this.loadDetails(moveFocus);
      return;
    }
    if (this.state.view === "questions" && this.state.phases.length) this.renderStep();
    else if (this.state.view === "results" && this.state.phases.length) this.renderResults();
    else this.renderStart();
    if (moveFocus) {
      var heading = this.view.querySelector("h2");
      if (heading) {
        heading.focus({ preventScroll: true });
        (moveFocus === "restore" ? this.root : heading).scrollIntoView({ block: "start" });
      }
    }
  };

  /** The details file and the action plan's script (assessment-plan.js,
   *  beside this one), asked for once (again only after a failure). */
  App.prototype.fetchDetails = function () {
    var self = this;
    if (!this.detailsRequest) {
      var details = fetch(this.bank.details_url).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
      this.detailsRequest = Promise.all([details, loadPlan()]).then(function (both) { return both[0]; }).catch(function (error) {
        self.detailsRequest = null;
        throw error;
      });
    }
    return this.detailsRequest;
  };

  App.prototype.loadDetails = function (moveFocus) {
    var self = this;
    var t = this.t;
    this.view.appendChild(el("p", { class: "hub-assessment__loading", role: "status", text: t.assess_loading }));
    this.fetchDetails().then(function (details) {
      self.details = details;
      self.render(moveFocus);
    }).catch(function () {
      self.view.textContent = "";
      var retry = el("button", { type: "button", class: "md-button", text: t.assess_retry, onclick: function () { self.render(true); } });
      self.view.appendChild(el("section", { class: "hub-step" }, [
        el("h2", { tabindex: "-1", text: t.assess_levels_failed }),
        el("div", { class: "hub-buttons" }, [retry])
      ]));
      if (moveFocus) self.view.querySelector("h2").focus();
    });
  };

  App.prototype.go = function (view, step) {
    this.state.view = view;
    if (step !== undefined) this.state.step = step;
    this.save();
    this.render(true);
  };

  /* The start: choose a phase, or continue. */
  App.prototype.renderStart = function () {
    var t = this.t;
    var self = this;
    var options = this.bank.phases.map(function (phase) { return { value: phase.id, label: phase.name, help: phase.description }; });
    options.push({ value: "both", label: t.assess_phase_both, help: "" });
    var current = this.state.phases.length === 2 ? "both" : (this.state.phases[0] || "both");
    var fieldset = el("fieldset", { class: "hub-phase-choice" }, [el("legend", { text: t.assess_choose_phase })]);
    options.forEach(function (option) {
      var id = "hub-phase-" + option.value;
      fieldset.appendChild(el("div", { class: "hub-choice" }, [
        el("input", { type: "radio", name: "hub-phase", id: id, value: option.value, checked: option.value === current }),
        el("label", { for: id }, [el("strong", { text: option.label }), option.help ? el("span", { class: "hub-choice__help", text: " " + option.help }) : null])
      ]));
    });
    var progress = this.progress();
    var children = [
      el("h2", { tabindex: "-1", text: t.assess_start_title }),
      fieldset
    ];
    var hasAnswers = Object.keys(this.state.answers).length > 0;
    if (hasAnswers && this.state.phases.length) {
      children.push(el("p", { class: "hub-saved", text: format(t.assess_saved_progress, progress) }));
    }
    var buttons = el("div", { class: "hub-buttons" }, [
      el("button", { type: "button", class: "md-button md-button--primary", text: hasAnswers ? t.assess_next : t.assess_start, onclick: function () {
        var chosen = fieldset.querySelector("input:checked").value;
        self.state.phases = chosen === "both" ? self.bank.phases.map(function (p) { return p.id; }) : [chosen];
        self.clearMessages();
        self.go("questions", 0);
      } })
    ]);
    if (hasAnswers) {
      buttons.appendChild(el("button", { type: "button", class: "md-button", text: t.assess_to_results, onclick: function () {
        var chosen = fieldset.querySelector("input:checked").value;
        self.state.phases = chosen === "both" ? self.bank.phases.map(function (p) { return p.id; }) : [chosen];
        self.go("results");
      } }));
    }
    children.push(buttons);
    children.push(this.tools(false));
    var start = el("section", { class: "hub-start" }, children);
    // Asked for as soon as the reader turns to the choice, so the first part
    // usually opens at once; a page that is only looked at never fetches it.
    ["focusin", "pointerdown"].forEach(function (type) {
      start.addEventListener(type, function () { self.fetchDetails().catch(function () { /* loadDetails says so */ }); }, { once: true });
    });
    this.view.appendChild(start);
  };

  /* One dimension of statements. */
  App.prototype.renderStep = function () {
    var t = this.t;
    var self = this;
    var steps = this.steps();
    var index = Math.min(Math.max(this.state.step, 0), steps.length - 1);
    this.state.step = index;
    var step = steps[index];
    var dimension = step.dimension;
    var progress = this.progress();
    var progressText = el("p", { class: "hub-progress__text" });
    var bar = el("progress", { max: String(progress.total), value: String(progress.answered), "aria-hidden": "true" });
    function updateProgress() {
      var now = self.progress();
      bar.value = now.answered;
      var text = format(t.assess_dimension_of, { n: index + 1, total: steps.length }) + " · " + format(t.assess_progress, now);
      progressText.textContent = text;
      self.live.textContent = text;
    }
    var section = el("section", { class: "hub-step", "aria-labelledby": "hub-step-title" }, [
      el("p", { class: "hub-step__phase", text: step.phase.name + " · " + t["assess_kind_" + dimension.kind] }),
      el("h2", { id: "hub-step-title", tabindex: "-1", text: dimension.name }),
      el("div", { class: "hub-progress" }, [bar, progressText]),
      el("p", { text: dimension.description }),
      el("p", { class: "hub-kind-help", text: t["assess_kind_" + dimension.kind + "_help"] })
    ]);
    dimension.indicators.forEach(function (indicator, position) {
      section.appendChild(self.indicatorFieldset(indicator, position, updateProgress));
    });
    var last = index === steps.length - 1;
    section.appendChild(el("div", { class: "hub-buttons" }, [
      index > 0
        ? el("button", { type: "button", class: "md-button", text: t.assess_back, onclick: function () { self.go("questions", index - 1); } })
        : el("button", { type: "button", class: "md-button", text: t.assess_restart, onclick: function () { self.go("start"); } }),
      el("button", { type: "button", class: "md-button md-button--primary", text: last ? t.assess_to_results : t.assess_next, onclick: function () {
        if (last) self.go("results"); else self.go("questions", index + 1);
      } })
    ]));
    this.view.appendChild(section);
    updateProgress();
  };

  App.prototype.indicatorFieldset = function (indicator, position, onChange) {
    var t = this.t;
    var self = this;
    var answer = this.state.answers[indicator.id] || {};
    var name = "hub-" + indicator.id;
    var legendId = name + "-legend";
    var fieldset = el("fieldset", { class: "hub-indicator" }, [
      el("legend", { id: legendId }, [el("span", { class: "hub-indicator__number", text: (position + 1) + ". " }), indicator.statement])
    ]);
    var options = el("div", { class: "hub-options" });
    var values = LEVEL_VALUES.concat(OTHER_VALUES);
    values.forEach(function (value, i) {
      var id = name + "-" + value;
      var label = i < 4
        ? el("label", { for: id }, [el("strong", { class: "hub-level-name", text: self.bank.scale[i] }), el("span", { class: "hub-level-description", text: self.details.levels[indicator.id][i] })])
        : el("label", { for: id }, [el("strong", { class: "hub-level-name", text: value === "dk" ? t.assess_dont_know : t.assess_not_applicable })]);
      var input = el("input", { type: "radio", name: name, id: id, value: String(value), checked: answer.level === value, onchange: function () {
        var entry = self.state.answers[indicator.id] || {};
        entry.level = value;
        self.state.answers[indicator.id] = entry;
        self.save();
        onChange();
      } });
      options.appendChild(el("div", { class: "hub-option" + (i >= 4 ? " hub-option--other" : "") }, [input, label]));
    });
    fieldset.appendChild(options);
    var noteId = name + "-note";
    var note = el("textarea", { id: noteId, rows: "2", maxlength: "2000", oninput: function () {
      var entry = self.state.answers[indicator.id] || {};
      if (note.value) entry.note = note.value; else delete entry.note;
      if (entry.level === undefined && !entry.note) delete self.state.answers[indicator.id];
      else self.state.answers[indicator.id] = entry;
      self.save();
    } });
    note.value = answer.note || "";
    fieldset.appendChild(el("div", { class: "hub-note" }, [el("label", { for: noteId, text: t.assess_evidence }), note]));
    return fieldset;
  };

  /* Results: a chart and table per phase and kind, the weakest first, goals, tools. */
  App.prototype.renderResults = function () {
    var t = this.t;
    var self = this;
    var all = results(this.bank, this.state.phases, this.state.answers);
    var section = el("section", { class: "hub-results" }, [el("h2", { tabindex: "-1", text: t.assess_results_title })]);
    section.appendChild(el("p", { class: "hub-print-note", text: t.assess_not_certification }));
    // A new run after a plan was made: the change since the earlier run, beside that plan.
    var previous = this.state.previous;
    if (previous) {
      section.appendChild(el("section", { class: "hub-retake-compare" }, [this.comparison(previous, t.assess_plan_compare_title,
        previous.date ? format(t.assess_plan_compare_date, { date: this.longDate(previous.date.slice(0, 10)) }) : null)]));
    }
    this.bank.phases.forEach(function (phase) {
      if (self.state.phases.indexOf(phase.id) < 0) return;
      section.appendChild(el("h3", { text: phase.name }));
      ["capacity", "environment"].forEach(function (kind) {
        var rows = all.filter(function (r) { return r.phase.id === phase.id && r.dimension.kind === kind; });
        if (!rows.length) return;
        var title = format(t.assess_chart_label, { phase: phase.name, kind: t["assess_kind_" + kind] });
        section.appendChild(el("h4", { text: t["assess_kind_" + kind] }));
        section.appendChild(el("p", { class: "hub-kind-help", text: t["assess_kind_" + kind + "_help"] }));
        section.appendChild(el("div", { class: "hub-chart" }, [self.chart(rows, title), scrollBox(self.table(rows, title), title)]));
      });
    });
    var scored = all.filter(function (r) { return r.score !== null; }).sort(function (a, b) { return a.score - b.score; });
    section.appendChild(el("h3", { text: t.assess_weakest_title }));
    var list = el("ol", { class: "hub-weakest" });
    scored.forEach(function (r) { list.appendChild(self.recommendation(r)); });
    section.appendChild(list);
    section.appendChild(el("div", { class: "hub-buttons" }, [
      el("button", { type: "button", class: "md-button", text: t.assess_edit, onclick: function () { self.go("questions", 0); } }),
      el("button", { type: "button", class: "md-button", text: t.assess_print, onclick: function () { window.print(); } })
    ]));
    section.appendChild(this.renderPlan(all));
    section.appendChild(this.tools(true));
    this.view.appendChild(section);
  };

  /* A bar per dimension, in HTML so its text stays legible on a phone.
   *  Screen readers get the table that follows; the chart is one image. */
  App.prototype.chart = function (rows, title) {
    var bars = el("div", { class: "hub-bars", role: "img", "aria-label": title });
    rows.forEach(function (r) {
      // Empty shapes are divs: only text is in spans.
      var track = el("div", { class: "hub-bars__track" });
      if (r.score !== null) {
        var bar = el("div", { class: "hub-bars__bar hub-band--" + r.band.id });
        bar.style.width = r.score + "%";
        track.appendChild(bar);
      }
      bars.appendChild(el("span", { class: "hub-bars__label", text: r.dimension.name }));
      bars.appendChild(track);
      bars.appendChild(el("span", { class: "hub-bars__value", text: r.score === null ? "—" : String(r.score) }));
    });
    var scale = el("span", { class: "hub-bars__scale" });
    [0, 60, 80, 100].forEach(function (tick) {
      var mark = el("span", { class: "hub-bars__tick", text: String(tick) });
      mark.style.insetInlineStart = tick + "%";
      scale.appendChild(mark);
    });
    bars.appendChild(scale);
    return bars;
  };

  App.prototype.table = function (rows, title) {
    var t = this.t;
    var head = el("tr", {}, [t.assess_col_dimension, t.assess_col_score, t.assess_col_band, t.assess_col_answered].map(heading));
    var body = el("tbody");
    rows.forEach(function (r) {
      body.appendChild(el("tr", { "data-dimension": r.dimension.id }, [
        el("th", { scope: "row", text: r.dimension.name }),
        el("td", { class: "hub-score", text: r.score === null ? t.assess_no_score : String(r.score) }),
        el("td", { text: r.band ? r.band.name : "—" }),
        el("td", { text: r.answered + " / " + r.total })
      ]));
    });
    return el("table", { class: "hub-table hub-chart__table" }, [el("caption", { text: title }), el("thead", {}, [head]), body]);
  };

  App.prototype.recommendation = function (r) {
    var t = this.t;
    var self = this;
    var bank = this.bank;
    var item = el("li", { class: "hub-recommendation", "data-dimension": r.dimension.id });
    item.appendChild(el("h4", { text: r.dimension.name + " · " + r.score + " · " + r.band.name }));
    item.appendChild(el("p", { class: "hub-step__phase", text: r.phase.name + " · " + t["assess_kind_" + r.dimension.kind] }));
    item.appendChild(el("p", { class: "hub-recommendation__label", text: t.assess_next_steps }));
    item.appendChild(el("ul", {}, this.details.next_steps[r.dimension.id].map(function (text) { return el("li", { text: text }); })));
    var themeLinks = el("p", {}, [t.assess_related_themes + " "]);
    r.dimension.themes.forEach(function (id, i) {
      var theme = bank.themes[id];
      if (i) themeLinks.appendChild(document.createTextNode(" · "));
      themeLinks.appendChild(el("a", { href: theme.url, text: theme.label + ". " + theme.name }));
    });
    item.appendChild(themeLinks);
    // Ranked at build time (hooks/hub/assessment.py): the cases and episodes
    // sharing the most topics with this dimension first, by theme only when none does.
    var found = this.details.recommendations[r.dimension.id] || {};
    var cases = found.cases || [];
    if (cases.length) {
      item.appendChild(el("p", { class: "hub-recommendation__label", text: t.assess_related_cases }));
      item.appendChild(el("ul", { class: "hub-recommendation__cases" }, cases.map(function (c) {
        return el("li", {}, [el("a", { href: c.url, lang: c.lang !== bank.lang ? c.lang : null, text: c.title }), " · " + (t["type_" + c.type] || "")]);
      })));
    }
    var episodes = found.episodes || [];
    if (episodes.length) {
      item.appendChild(el("p", { class: "hub-recommendation__label", text: t.assess_related_episodes }));
      item.appendChild(el("ul", { class: "hub-recommendation__episodes" }, episodes.map(function (e) {
        return el("li", {}, [el("a", { href: e.url, lang: e.lang !== bank.lang ? e.lang : null, text: e.title }), " · " + (t["media_kind_" + e.kind] || "")]);
      })));
    }
    // Networks of the directory offering support on this dimension's topics.
    var networks = found.networks || [];
    if (networks.length) {
      item.appendChild(el("p", { class: "hub-recommendation__label", text: t.assess_related_networks }));
      item.appendChild(el("ul", { class: "hub-recommendation__networks" }, networks.map(function (n) {
        return el("li", {}, [el("a", { href: n.url, text: n.name })]);
      }).concat([el("li", {}, [el("a", { href: bank.networks_url, text: t.assess_all_networks })])])));
    }
    var goalId = "hub-goal-" + r.dimension.id;
    var goal = el("textarea", { id: goalId, rows: "2", maxlength: "2000", "data-goal": r.dimension.id });
    var printed = el("p", { class: "hub-print-only" });
    goal.value = this.state.goals[r.dimension.id] || "";
    printed.textContent = goal.value;
    goal.addEventListener("input", function () {
      if (goal.value) self.state.goals[r.dimension.id] = goal.value; else delete self.state.goals[r.dimension.id];
      printed.textContent = goal.value;
      self.save();
    });
    item.appendChild(el("div", { class: "hub-note" }, [el("label", { for: goalId, text: t.assess_goal_label }), goal, printed]));
    return item;
  };

  /* Export, import, compare, erase. */
  App.prototype.exportData = function () {
    var s = this.state;
    var data = {
      format: FORMAT, version: FILE_VERSION, bank: this.bank.version, exported: new Date().toISOString(), lang: this.bank.lang,
      phases: s.phases, answers: s.answers, goals: s.goals, plan: s.plan
    };
    if (s.previous) data.previous = s.previous;
    return data;
  };

  /** Read an exported file, from this bank or an earlier one (answers are
   *  matched by statement id, as for storage): {state, dropped} or {error},
   *  without touching anything. */
  App.prototype.parseExport = function (text) {
    var t = this.t;
    var data;
    try { data = JSON.parse(text); } catch (error) { return { error: t.assess_import_bad }; }
    if (!isPlainObject(data) || data.format !== FORMAT || !isCount(data.bank)) return { error: t.assess_import_bad };
    // Files without a version are version 1 (answers and goals only).
    var version = data.version === undefined ? 1 : data.version;
    if (!isCount(version) || version < 1) return { error: t.assess_import_bad };
    if (version > FILE_VERSION) return { error: format(t.assess_plan_import_newer, { version: version }) };
    if (data.bank > this.bank.version) return { error: format(t.assess_import_version, { version: data.bank }) };
    var parsed = parseState(data, this.rules);
    if (!hasContent(parsed.state)) return { error: t.assess_import_empty };
    parsed.state.bank = this.bank.version;
    return parsed;
  };

  /** A chosen file, parsed; one far larger than any export is not even read. */
  App.prototype.readExport = function (file) {
    var self = this;
    if (file.size > FILE_MAX_BYTES) return Promise.resolve({ error: format(this.t.assess_import_too_big, { size: FILE_MAX_BYTES / 1000000 }) });
    return readFile(file).then(function (text) { return text === null ? { error: self.t.assess_import_bad } : self.parseExport(text); });
  };

  /** Ask in the page (a modal dialog, keyboard-operable, Escape keeps things
   *  as they are); the answer that changes nothing has the focus. */
  App.prototype.confirm = function (question, yes, no, onYes, onNo) {
    var dialog = el("dialog", { class: "hub-confirm", "aria-labelledby": "hub-confirm-text" });
    var answered = false;
    function answer(accepted) {
      if (answered) return;
      answered = true;
      if (dialog.open) dialog.close();
      dialog.remove();
      if (accepted) onYes(); else onNo();
    }
    dialog.appendChild(el("p", { id: "hub-confirm-text", text: question }));
    dialog.appendChild(el("div", { class: "hub-buttons" }, [
      el("button", { type: "button", class: "md-button md-button--primary", id: "hub-confirm-yes", text: yes, onclick: function () { answer(true); } }),
      el("button", { type: "button", class: "md-button", id: "hub-confirm-no", autofocus: true, text: no, onclick: function () { answer(false); } })
    ]));
    dialog.addEventListener("cancel", function (event) { event.preventDefault(); answer(false); });
    dialog.addEventListener("close", function () { answer(false); });
    this.root.appendChild(dialog);
    dialog.showModal();
  };

  /** Put imported answers in place of the current ones: after asking, when
   *  there is anything to replace, and with a way back. */
  App.prototype.offerImport = function (parsed, returnFocus) {
    var t = this.t;
    var self = this;
    var current = Object.keys(this.state.answers).length;
    var before = hasContent(this.state) ? JSON.stringify(this.state) : null;
    function replace() {
      self.state = parsed.state;
      self.state.view = "results";
      self.state.step = 0;
      self.save();
      self.clearMessages();
      var undo = before === null ? null : el("button", { type: "button", class: "md-button", id: "hub-undo", text: t.assess_undo, onclick: function () {
        self.state = JSON.parse(before);
        self.save();
        self.clearMessages();
        self.message(t.assess_undone, "info");
        self.render(true);
      } });
      self.message(format(t.assess_imported, { kept: Object.keys(parsed.state.answers).length }), "info", undo);
      if (parsed.state.plan.items.length) self.message(format(t.assess_plan_imported, { n: parsed.state.plan.items.length, max: PLAN.items }), "info");
      self.importNotes(parsed).forEach(function (text) { self.message(text, "info"); });
      self.render(true);
    }
    if (before === null) { replace(); return; }
    this.confirm(format(t.assess_import_confirm, { current: current, incoming: Object.keys(parsed.state.answers).length }),
      t.assess_import_replace, t.assess_keep_answers, replace, function () {
        self.message(t.assess_import_cancelled, "info");
        returnFocus.focus();
      });
  };

  /** Remove every key the page owns, whatever version wrote it, and check. */
  App.prototype.erase = function () {
    var t = this.t;
    ownedKeys().forEach(remove);
    this.held = null;
    this.state = emptyState(this.bank);
    this.messages.textContent = "";
    this.showSaveProblem(storage ? null : t.assess_storage_unavailable);
    if (ownedKeys().length) this.message(t.assess_erase_incomplete, "warning");
    else this.message(t.assess_erased, "info");
    this.render(true);
  };

  App.prototype.tools = function (withCompare) {
    var t = this.t;
    var self = this;
    var importInput = el("input", { type: "file", id: "hub-import", accept: "application/json,.json", class: "hub-file hub-visually-hidden" });
    importInput.addEventListener("change", function () {
      var file = importInput.files[0];
      if (!file) return;
      self.readExport(file).then(function (parsed) {
        importInput.value = "";
        self.clearMessages();
        if (parsed.error) self.message(parsed.error, "warning");
        else self.offerImport(parsed, importInput);
      });
    });
    var box = el("section", { class: "hub-tools", "aria-labelledby": "hub-tools-title" }, [
      el("h3", { id: "hub-tools-title", text: t.assess_tools_title }),
      el("div", { class: "hub-buttons" }, [
        el("button", { type: "button", class: "md-button", id: "hub-export", text: t.assess_export, onclick: function () {
          download("self-assessment-" + new Date().toISOString().slice(0, 10) + ".json", JSON.stringify(self.exportData(), null, 2));
        } }),
        el("button", { type: "button", class: "md-button", id: "hub-erase", text: t.assess_erase, onclick: function (event) {
          var button = event.currentTarget;
          self.confirm(t.assess_erase_confirm, t.assess_erase, t.assess_keep_answers, function () { self.erase(); }, function () { button.focus(); });
        } })
      ]),
      el("div", { class: "hub-file-field" }, [importInput, el("label", { for: "hub-import", class: "md-button", text: t.assess_import })])
    ]);
    if (withCompare) {
      var compareInput = el("input", { type: "file", id: "hub-compare", accept: "application/json,.json", class: "hub-file hub-visually-hidden" });
      var output = el("div", { class: "hub-compare" });
      compareInput.addEventListener("change", function () {
        var file = compareInput.files[0];
        if (!file) return;
        self.readExport(file).then(function (parsed) {
          compareInput.value = "";
          output.textContent = "";
          if (parsed.error) { output.appendChild(el("p", { class: "hub-message hub-message--warning", role: "alert", text: parsed.error })); return; }
          output.appendChild(self.comparison(parsed.state, t.assess_compare_title,
            parsed.state.exported ? format(t.assess_compare_date, { date: parsed.state.exported.slice(0, 10) }) : null));
          self.importNotes(parsed).forEach(function (text) { output.appendChild(el("p", { class: "hub-message", text: text })); });
          output.querySelector("h3").focus();
        });
      });
      box.appendChild(el("div", { class: "hub-file-field" }, [compareInput, el("label", { for: "hub-compare", class: "md-button", text: t.assess_compare })]));
      box.appendChild(output);
    }
    return box;
  };

  /** What a file or stored data lost on the way in, as sentences. */
  App.prototype.importNotes = function (parsed) {
    var t = this.t;
    var notes = [];
    if (parsed.dropped) notes.push(format(t.assess_import_dropped, parsed));
    if (parsed.clipped) notes.push(format(t.assess_plan_import_clipped, { n: parsed.clipped }));
    if (parsed.beyond) notes.push(format(t.assess_plan_import_beyond, { n: parsed.beyond, max: PLAN.items }));
    return notes;
  };

  /** Scores now and in an earlier run, per dimension; beside them the plan
   *  made after that run (or, when it had none, the plan there is now). */
  App.prototype.comparison = function (earlier, title, subtitle) {
    var t = this.t;
    var self = this;
    var now = results(this.bank, this.state.phases, this.state.answers);
    var before = results(this.bank, this.state.phases, earlier.answers);
    var plan = earlier.plan && earlier.plan.items.length ? earlier.plan : this.state.plan;
    var planned = new Map(plan.items.map(function (item) { return [item.dimension, item]; }));
    var body = el("tbody");
    now.forEach(function (r, i) {
      var b = before[i].score;
      var change = r.score === null || b === null ? "—" : (r.score - b > 0 ? "+" : "") + (r.score - b);
      var row = el("tr", { "data-dimension": r.dimension.id }, [
        el("th", { scope: "row", text: r.phase.name + " · " + r.dimension.name }),
        el("td", { text: b === null ? t.assess_no_score : String(b) }),
        el("td", { text: r.score === null ? t.assess_no_score : String(r.score) }),
        el("td", { class: "hub-change", text: change })
      ]);
      if (planned.size) row.appendChild(el("td", { class: "hub-plan-cell" }, [self.planSummary(planned.get(r.dimension.id))]));
      body.appendChild(row);
    });
    var columns = [t.assess_col_dimension, t.assess_col_before, t.assess_col_now, t.assess_col_change];
    if (planned.size) columns.push(t.assess_plan_col_plan);
    var head = el("tr", {}, columns.map(heading));
    var children = [el("h3", { tabindex: "-1", text: title })];
    if (subtitle) children.push(el("p", { text: subtitle }));
    children.push(scrollBox(el("table", { class: "hub-table" }, [el("caption", { text: title }), el("thead", {}, [head]), body]), title, true));
    return el("div", {}, children);
  };

  /* ---------------------------------------------------------------- workshop */

  function Workshop(root, bank) {
    App.call(this, root, bank);
  }
  Workshop.prototype = Object.create(App.prototype);

  Workshop.prototype.start = function () {
    var t = this.t;
    var self = this;
    this.root.textContent = "";
    var input = el("input", { type: "file", id: "hub-workshop-files", multiple: true, accept: "application/json,.json", class: "hub-file hub-visually-hidden" });
    this.output = el("div", { class: "hub-workshop-output", "aria-live": "polite" });
    input.addEventListener("change", function () {
      Promise.all(Array.prototype.map.call(input.files, function (file) {
        return self.readExport(file).then(function (parsed) { return { name: file.name, parsed: parsed }; });
      })).then(function (files) { self.combine(files); });
    });
    this.root.appendChild(el("section", { class: "hub-workshop" }, [
      el("h2", { text: t.assess_workshop_title }),
      el("p", { text: t.assess_workshop_help }),
      el("div", { class: "hub-file-field" }, [input, el("label", { for: "hub-workshop-files", class: "md-button md-button--primary", text: t.assess_workshop_files })]),
      this.output
    ]));
  };

  Workshop.prototype.combine = function (files) {
    var t = this.t;
    var self = this;
    var bank = this.bank;
    var states = [];
    var skipped = [];
    var partial = [];
    files.forEach(function (file) {
      if (file.parsed.error) skipped.push(file.name); else states.push(file.parsed.state);
      if (file.parsed.dropped) partial.push({ name: file.name, dropped: file.parsed.dropped });
    });
    this.output.textContent = "";
    this.output.appendChild(el("p", { class: "hub-count", text: format(t.assess_workshop_count, { n: states.length }) }));
    skipped.forEach(function (name) {
      self.output.appendChild(el("p", { class: "hub-message hub-message--warning", text: format(t.assess_workshop_skipped, { name: name }) }));
    });
    partial.forEach(function (file) {
      self.output.appendChild(el("p", { class: "hub-message", text: format(t.assess_workshop_dropped, file) }));
    });
    if (!states.length) return;
    var phaseIds = bank.phases.map(function (p) { return p.id; });
    var perPerson = states.map(function (s) { return results(bank, phaseIds, s.answers); });
    var summary = perPerson[0].map(function (r, i) {
      var scores = perPerson.map(function (person) { return person[i].score; }).filter(function (s) { return s !== null; });
      var counts = {};
      bank.bands.forEach(function (b) { counts[b.id] = 0; });
      scores.forEach(function (s) { counts[bandOf(s, bank.bands).id] += 1; });
      var mean = scores.length ? Math.round(scores.reduce(function (a, b) { return a + b; }, 0) / scores.length) : null;
      return { phase: r.phase, dimension: r.dimension, n: scores.length, mean: mean, min: scores.length ? Math.min.apply(null, scores) : null, max: scores.length ? Math.max.apply(null, scores) : null, counts: counts };
    });
    bank.phases.forEach(function (phase) {
      var rows = summary.filter(function (s) { return s.phase.id === phase.id && s.n > 0; });
      if (!rows.length) return;
      var head = el("tr", {}, [t.assess_col_dimension, t.assess_col_kind, t.assess_workshop_col_people, t.assess_workshop_col_mean, t.assess_workshop_col_range]
        .concat(bank.bands.map(function (b) { return b.name; }))
        .map(heading));
      var body = el("tbody");
      rows.forEach(function (s) {
        body.appendChild(el("tr", { "data-dimension": s.dimension.id }, [
          el("th", { scope: "row", text: s.dimension.name }),
          el("td", { text: t["assess_kind_" + s.dimension.kind] }),
          el("td", { text: String(s.n) }),
          el("td", { class: "hub-mean", text: String(s.mean) }),
          el("td", { text: s.min + " – " + s.max })
        ].concat(bank.bands.map(function (b) { return el("td", { "data-band": b.id, text: String(s.counts[b.id]) }); }))));
      });
      self.output.appendChild(el("h3", { text: phase.name }));
      var caption = format(t.assess_table_caption, { phase: phase.name });
      self.output.appendChild(scrollBox(el("table", { class: "hub-table" }, [el("caption", { text: caption }), el("thead", {}, [head]), body]), caption));
    });
    var weakest = summary.filter(function (s) { return s.n > 0; }).sort(function (a, b) { return a.mean - b.mean; }).slice(0, 5);
    this.output.appendChild(el("h3", { text: t.assess_workshop_weakest }));
    this.output.appendChild(el("ol", { class: "hub-workshop-weakest" }, weakest.map(function (s) {
      return el("li", { "data-dimension": s.dimension.id, text: s.phase.name + " · " + s.dimension.name + " · " + s.mean });
    })));
  };

  /* ---------------------------------------------------------------- start */

  function setup() {
    var root = document.getElementById("hub-assessment");
    var data = document.getElementById("hub-assessment-data");
    if (!root || !data || root.dataset.ready) return;
    root.dataset.ready = "true";
    var bank = JSON.parse(data.textContent);
    var app = root.dataset.mode === "workshop" ? new Workshop(root, bank) : new App(root, bank);
    app.start();
    window.hubAssessment = app;
  }

  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
