/* The action plan written from the self-assessment's results: its form, its
 * printed sheet, its calendar file and its column in the comparison. Loaded
 * by assessment.js with the details file, it adds its methods to the
 * assessment's App; reading and cleaning a saved or imported plan stays in
 * assessment.js, which needs it before anything is shown.
 */
(function () {
  "use strict";

  window.hubAssessmentPlan = function (App, shared) {
    var el = shared.el;
    var format = shared.format;
    var download = shared.download;
    var messageBox = shared.messageBox;
    var clip = shared.clip;
    var dateOf = shared.dateOf;
    var PLAN = shared.PLAN;

    /** A new plan's id, which the calendar's events are named by. */
    function newId() {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    }

    /** Today in the reader's time zone, YYYY-MM-DD. */
    function today() {
      var now = new Date();
      return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(function (n) { return (n < 10 ? "0" : "") + n; }).join("-");
    }

    /** Checkboxes of a fieldset, at most `max` checked: the others are disabled
     *  while the limit is reached, and `count` says how many are chosen. */
    function limiter(fieldset, max, count, texts) {
      return function update() {
        var boxes = Array.prototype.slice.call(fieldset.querySelectorAll("input[type=checkbox]"));
        var chosen = boxes.filter(function (box) { return box.checked; }).length;
        boxes.forEach(function (box) { box.disabled = !box.checked && chosen >= max; });
        count.textContent = format(chosen >= max ? texts.full : texts.count, { n: chosen, max: max });
      };
    }

    App.prototype.longDate = function (iso) {
      // Latin digits, as everywhere on the site.
      var style = new Intl.DateTimeFormat(this.bank.lang + "-u-nu-latn", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
      return style.format(new Date(iso + "T00:00:00Z"));
    };

    App.prototype.planItem = function (dimensionId) {
      return this.state.plan.items.filter(function (item) { return item.dimension === dimensionId; })[0] || null;
    };

    /** What the site suggests as help for a dimension: networks of the directory
     *  and the cases recommended for it, each known by its address. */
    App.prototype.helperGroups = function (dimensionId) {
      var t = this.t;
      var found = this.details.recommendations[dimensionId] || {};
      return [
        { kind: "networks", label: t.assess_plan_helpers_networks, items: (found.networks || []).map(function (n) { return { ref: n.url, name: n.name, url: n.url }; }) },
        { kind: "cases", label: t.assess_plan_helpers_cases, items: (found.cases || []).map(function (c) { return { ref: c.url, name: c.title, url: c.url, lang: c.lang }; }) }
      ].filter(function (group) { return group.items.length; });
    };

    /** The helpers chosen for an item, with names, then the reader's own words. */
    App.prototype.chosenHelpers = function (item) {
      var offered = [];
      this.helperGroups(item.dimension).forEach(function (group) { offered = offered.concat(group.items); });
      var chosen = offered.filter(function (h) { return item.helpers.indexOf(h.ref) >= 0; });
      if (item.other) chosen.push({ name: item.other });
      return chosen;
    };

    /** A plan item in a few lines (the comparison's plan column). */
    App.prototype.planSummary = function (item) {
      var t = this.t;
      if (!item) return el("span", { text: t.assess_plan_not_in });
      var lines = [];
      if (item.goal) lines.push(t.assess_plan_goal + ": " + item.goal);
      if (item.step) lines.push(t.assess_plan_step + ": " + item.step + (item.date ? " (" + this.longDate(item.date) + ")" : ""));
      else if (item.date) lines.push(t.assess_plan_date + ": " + this.longDate(item.date));
      if (!lines.length) return el("span", { text: t.assess_plan_in });
      return el("ul", { class: "hub-plan-summary" }, lines.map(function (line) { return el("li", { text: line }); }));
    };

    /** Save the plan and refresh its printable sheet. */
    App.prototype.planChanged = function () {
      this.save();
      this.fillSheet();
    };

    App.prototype.planSay = function (text, kind) {
      this.planStatus.textContent = "";
      this.planStatus.appendChild(messageBox(text, kind));
    };

    /* The plan: choose dimensions (weakest first), then for each a goal, a first
       step, its date and who could help; a retake date; print, calendar, retake. */
    App.prototype.renderPlan = function (all) {
      var t = this.t;
      var self = this;
      var plan = this.state.plan;
      var options = all.filter(function (r) { return r.score !== null; }).sort(function (a, b) { return a.score - b.score; })
        .concat(all.filter(function (r) { return r.score === null; }));
      // A plan made for a dimension of a phase not shown now stays in the plan.
      plan.items.forEach(function (item) {
        if (options.some(function (r) { return r.dimension.id === item.dimension; })) return;
        var found = self.dimensions[item.dimension];
        options.push({ phase: found.phase, dimension: found.dimension, score: null, band: null });
      });
      this.planResults = new Map(options.map(function (r) { return [r.dimension.id, r]; }));
      var count = el("p", { class: "hub-plan-hint", id: "hub-plan-count" });
      var choice = el("fieldset", { class: "hub-plan-choice", "aria-describedby": "hub-plan-count" }, [
        el("legend", { text: format(t.assess_plan_choose, { max: PLAN.items }) }), count
      ]);
      var items = el("div", { class: "hub-plan-items" });
      var limit = limiter(choice, PLAN.items, count, { count: t.assess_plan_count, full: t.assess_plan_full });
      options.forEach(function (r) {
        var id = "hub-plan-pick-" + r.dimension.id;
        var box = el("input", { type: "checkbox", id: id, value: r.dimension.id, checked: self.planItem(r.dimension.id) !== null });
        box.addEventListener("change", function () { self.togglePlanItem(r, box, items, limit); });
        choice.appendChild(el("div", { class: "hub-choice" }, [box, el("label", { for: id }, [
          el("strong", { text: r.dimension.name }),
          el("span", { class: "hub-choice__help", text: r.phase.name + " · " + (r.score === null ? t.assess_no_score : r.score + " · " + r.band.name) })
        ])]));
      });
      limit();
      plan.items.forEach(function (item) { items.appendChild(self.planFieldset(item)); });
      var retake = el("input", { type: "date", id: "hub-plan-retake", min: "2000-01-01", max: "2100-12-31", "aria-describedby": "hub-plan-retake-help" });
      retake.value = plan.retake;
      retake.addEventListener("input", function () { plan.retake = dateOf(retake.value); self.planChanged(); });
      this.planStatus = el("div", { class: "hub-plan-status", role: "status" });
      var form = el("div", { class: "hub-plan-form" }, [
        el("p", { text: t.assess_plan_intro }),
        choice,
        items,
        el("div", { class: "hub-note hub-plan-retake" }, [
          el("label", { for: "hub-plan-retake", text: t.assess_plan_retake_date }),
          el("p", { class: "hub-plan-hint", id: "hub-plan-retake-help", text: t.assess_plan_retake_help }),
          retake
        ]),
        el("div", { class: "hub-buttons" }, [
          el("button", { type: "button", class: "md-button", id: "hub-plan-print", text: t.assess_plan_print, onclick: function () { self.printPlan(); } }),
          el("button", { type: "button", class: "md-button", id: "hub-plan-ics", text: t.assess_plan_ics, onclick: function () { self.downloadCalendar(); } }),
          el("button", { type: "button", class: "md-button", id: "hub-plan-retake-run", text: t.assess_plan_retake, onclick: function (event) {
            var button = event.currentTarget;
            self.confirm(t.assess_plan_retake_confirm, t.assess_plan_retake_yes, t.assess_plan_retake_no, function () { self.retake(); }, function () { button.focus(); });
          } })
        ]),
        this.planStatus
      ]);
      this.planSheet = el("div", { class: "hub-plan-sheet" });
      this.fillSheet();
      return el("section", { class: "hub-plan", id: "hub-plan", "aria-labelledby": "hub-plan-title" }, [
        el("h3", { id: "hub-plan-title", tabindex: "-1", text: t.assess_plan_title }), form, this.planSheet
      ]);
    };

    /** Add a dimension to the plan, or take it out (after asking, when the
     *  reader has written something for it). The focus stays on the box. */
    App.prototype.togglePlanItem = function (r, box, items, limit) {
      var t = this.t;
      var self = this;
      var plan = this.state.plan;
      var id = r.dimension.id;
      if (box.checked) {
        if (plan.items.length >= PLAN.items) { box.checked = false; limit(); return; }
        if (!plan.id) plan.id = newId();
        // The goal already written beside the results starts the plan's goal.
        var item = { dimension: id, goal: clip(this.state.goals[id] || "", PLAN.goal), step: "", date: "", helpers: [], other: "" };
        plan.items.push(item);
        items.appendChild(this.planFieldset(item));
        limit();
        this.planChanged();
        var said = format(t.assess_plan_added, { name: r.dimension.name });
        if (plan.items.length === PLAN.items) said += " " + format(t.assess_plan_full, { n: PLAN.items, max: PLAN.items });
        this.planSay(said, "info");
        return;
      }
      var existing = this.planItem(id);
      function remove() {
        plan.items.splice(plan.items.indexOf(existing), 1);
        items.querySelector('[data-dimension="' + id + '"]').remove();
        box.checked = false;
        limit();
        self.planChanged();
        self.planSay(format(t.assess_plan_removed, { name: r.dimension.name }), "info");
        box.focus();
      }
      if (!existing.goal && !existing.step && !existing.date && !existing.other && !existing.helpers.length) { remove(); return; }
      this.confirm(format(t.assess_plan_remove_confirm, { name: r.dimension.name }), t.assess_plan_remove_yes, t.assess_plan_remove_no,
        remove, function () { box.checked = true; limit(); box.focus(); });
    };

    /** One dimension of the plan: goal, first step, its date, who could help. */
    App.prototype.planFieldset = function (item) {
      var t = this.t;
      var self = this;
      var bank = this.bank;
      var r = this.planResults.get(item.dimension);
      var base = "hub-plan-" + item.dimension;
      var groups = this.helperGroups(item.dimension);
      // Only suggestions the site still offers are kept: each is one of its links.
      var offered = [];
      groups.forEach(function (group) { group.items.forEach(function (h) { offered.push(h.ref); }); });
      item.helpers = item.helpers.filter(function (ref) { return offered.indexOf(ref) >= 0; });

      function textField(field, multiline) {
        var id = base + "-" + field;
        var input = el(multiline ? "textarea" : "input", {
          id: id, type: multiline ? null : "text", rows: multiline ? "2" : null, maxlength: String(PLAN[field]), "aria-describedby": id + "-hint"
        });
        input.value = item[field];
        input.addEventListener("input", function () { item[field] = clip(input.value, PLAN[field]); self.planChanged(); });
        return el("div", { class: "hub-note" }, [
          el("label", { for: id, text: t["assess_plan_" + field] }), input,
          el("p", { class: "hub-plan-hint", id: id + "-hint", text: format(t.assess_plan_limit, { max: PLAN[field] }) })
        ]);
      }
      var date = el("input", { type: "date", id: base + "-date", min: "2000-01-01", max: "2100-12-31" });
      date.value = item.date;
      date.addEventListener("input", function () { item.date = dateOf(date.value); self.planChanged(); });

      var count = el("p", { class: "hub-plan-hint", id: base + "-helpers-count" });
      var helpers = el("fieldset", { class: "hub-plan-helpers", "aria-describedby": base + "-helpers-count" }, [
        el("legend", { text: t.assess_plan_helpers }), count
      ]);
      var limit = limiter(helpers, PLAN.helpers, count, { count: t.assess_plan_helpers_count, full: t.assess_plan_helpers_full });
      groups.forEach(function (group) {
        var groupId = base + "-" + group.kind;
        var list = el("div", { class: "hub-plan-group", role: "group", "aria-labelledby": groupId }, [
          el("p", { class: "hub-recommendation__label", id: groupId, text: group.label })
        ]);
        group.items.forEach(function (h, i) {
          var id = groupId + "-" + i;
          var box = el("input", { type: "checkbox", id: id, checked: item.helpers.indexOf(h.ref) >= 0 });
          box.addEventListener("change", function () {
            var at = item.helpers.indexOf(h.ref);
            if (box.checked && at < 0) item.helpers.push(h.ref);
            if (!box.checked && at >= 0) item.helpers.splice(at, 1);
            limit();
            self.planChanged();
          });
          list.appendChild(el("div", { class: "hub-choice" }, [box, el("label", { for: id, lang: h.lang && h.lang !== bank.lang ? h.lang : null, text: h.name })]));
        });
        helpers.appendChild(list);
      });
      helpers.appendChild(textField("other", false));
      limit();
      return el("fieldset", { class: "hub-plan-item", "data-dimension": item.dimension }, [
        el("legend", {}, [el("span", { class: "hub-plan-item__phase", text: r.phase.name + " · " }), r.dimension.name]),
        textField("goal", true),
        textField("step", true),
        el("div", { class: "hub-note" }, [el("label", { for: base + "-date", text: t.assess_plan_date }), date]),
        helpers
      ]);
    };

    /** The plan as it prints: hidden on screen, the only content of the page
     *  when "Print plan" is used, and part of the full printed report. */
    App.prototype.fillSheet = function () {
      var t = this.t;
      var self = this;
      var plan = this.state.plan;
      var sheet = this.planSheet;
      sheet.textContent = "";
      sheet.appendChild(el("h2", { class: "hub-plan-sheet__title", text: t.assess_plan_title }));
      sheet.appendChild(el("p", { text: format(t.assess_plan_sheet_made, { date: this.longDate(today()) }) + " " + t.assess_not_certification }));
      if (!plan.items.length) sheet.appendChild(el("p", { text: t.assess_plan_empty }));
      sheet.appendChild(el("ol", { class: "hub-plan-sheet__items" }, plan.items.map(function (item) {
        var r = self.planResults.get(item.dimension);
        var facts = el("dl");
        // Helpers as names, each in its own language (a case may be in English only).
        var helpers = [];
        self.chosenHelpers(item).forEach(function (h, i) {
          if (i) helpers.push(" · ");
          helpers.push(el("span", { lang: h.lang && h.lang !== self.bank.lang ? h.lang : null, text: h.name }));
        });
        [
          [t.assess_plan_goal, [item.goal]],
          [t.assess_plan_step, [item.step]],
          [t.assess_plan_date, [item.date ? self.longDate(item.date) : ""]],
          [t.assess_plan_helpers, helpers]
        ].forEach(function (row) {
          var shown = row[1].filter(Boolean);
          facts.appendChild(el("div", {}, [el("dt", { text: row[0] }), el("dd", {}, shown.length ? shown : ["—"])]));
        });
        var score = r.score === null ? t.assess_no_score : r.score + " · " + r.band.name;
        return el("li", { "data-dimension": item.dimension }, [
          el("div", {}, [el("h3", { text: r.dimension.name }), el("span", { class: "hub-plan-sheet__phase", text: r.phase.name + " · " + score })]),
          facts
        ]);
      })));
      if (plan.retake) sheet.appendChild(el("p", { class: "hub-plan-sheet__retake", text: format(t.assess_plan_sheet_retake, { date: this.longDate(plan.retake) }) }));
    };

    /** Print the plan alone: a class on the root element narrows the print
     *  style sheet to the plan until the print dialog closes. */
    App.prototype.printPlan = function () {
      var root = document.documentElement;
      root.classList.add("hub-print-plan");
      window.addEventListener("afterprint", function () { root.classList.remove("hub-print-plan"); }, { once: true });
      window.print();
    };

    /** A new run: the current answers and plan are kept as the earlier run,
     *  which the results then show beside the new scores. The plan stays. */
    App.prototype.retake = function () {
      var s = this.state;
      s.previous = { date: new Date().toISOString(), answers: s.answers, plan: JSON.parse(JSON.stringify(s.plan)) };
      s.answers = {};
      this.clearMessages();
      this.go("questions", 0);
    };

    App.prototype.downloadCalendar = function () {
      var t = this.t;
      var text = this.calendar(new Date());
      if (text === null) { this.planSay(t.assess_plan_ics_none, "warning"); return; }
      download("action-plan-" + today() + ".ics", text, "text/calendar;charset=utf-8");
      this.planSay(t.assess_plan_ics_done, "info");
    };

    /** The plan as an iCalendar file (RFC 5545) in the page's language: one
     *  all-day event per dated first step, and one on the retake date with a
     *  reminder at 9:00 that day; null when nothing is dated. */
    App.prototype.calendar = function (now) {
      var t = this.t;
      var self = this;
      var lang = this.bank.lang;
      var plan = this.state.plan;
      var page = window.location.href.split("#")[0];
      var host = window.location.hostname || "localhost";
      var stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.[0-9]+/, "");
      if (!plan.id) { plan.id = newId(); this.save(); }
      function event(uid, date, summary, description, alarm) {
        var lines = [
          "BEGIN:VEVENT",
          "UID:" + icsText(plan.id + "-" + uid + "@" + host),
          "DTSTAMP:" + stamp,
          "DTSTART;VALUE=DATE:" + date.replace(/-/g, ""),
          "DTEND;VALUE=DATE:" + nextDay(date),
          "SUMMARY;LANGUAGE=" + lang + ":" + icsText(summary),
          "DESCRIPTION;LANGUAGE=" + lang + ":" + icsText(description),
          "URL:" + page
        ];
        if (alarm) lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT9H", "DESCRIPTION;LANGUAGE=" + lang + ":" + icsText(alarm), "END:VALARM");
        lines.push("END:VEVENT");
        return lines;
      }
      var events = [];
      plan.items.forEach(function (item) {
        if (!item.date) return;
        var name = self.dimensions[item.dimension].dimension.name;
        var description = [format(t.assess_plan_ics_dimension, { dimension: name })];
        if (item.goal) description.push(format(t.assess_plan_ics_goal, { goal: item.goal }));
        var helpers = self.chosenHelpers(item).map(function (h) { return h.url ? h.name + " <" + new URL(h.url, page).href + ">" : h.name; });
        if (helpers.length) description.push(format(t.assess_plan_ics_helpers, { helpers: helpers.join("; ") }));
        var summary = item.step ? format(t.assess_plan_ics_step, { step: item.step }) : format(t.assess_plan_ics_step_empty, { dimension: name });
        events = events.concat(event(item.dimension, item.date, summary, description.join("\n"), null));
      });
      if (plan.retake) {
        events = events.concat(event("retake", plan.retake, t.assess_plan_ics_retake, format(t.assess_plan_ics_retake_description, { url: page }), t.assess_plan_ics_alarm));
      }
      if (!events.length) return null;
      var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hub//self-assessment action plan//" + lang.toUpperCase(), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        .concat(events, ["END:VCALENDAR"]);
      return lines.map(fold).join("\r\n") + "\r\n";
    };

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped;
     *  other control characters, which the format forbids, left out. */
    function icsText(value) {
      return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
        .replace(/\r\n|\r|\n/g, "\\n").replace(/[\u0000-\u001f\u007f]/g, "");
    }

    /** The day after a YYYY-MM-DD date, as YYYYMMDD (an all-day event's end). */
    function nextDay(date) {
      var parts = date.split("-").map(Number);
      return new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + 1)).toISOString().slice(0, 10).replace(/-/g, "");
    }

    /** A content line folded at 75 octets of UTF-8, never inside a character;
     *  each continuation starts with a space. */
    function fold(line) {
      var encoder = new TextEncoder();
      var out = [];
      var current = "";
      var size = 0;
      Array.from(line).forEach(function (character) {
        var octets = encoder.encode(character).length;
        if (size + octets > 75) {
          out.push(current);
          current = " ";
          size = 1;
        }
        current += character;
        size += octets;
      });
      out.push(current);
      return out.join("\r\n");
    }
  };
})();
