"""The working group's events (events/*.yml): checked entries, their pages and calendars.

Every page is a view model (a dict) computed by a small function and rendered
by a template (templates/event.html.j2, templates/events_list.html.j2). An
event that has not ended by the build date is upcoming and gets an iCalendar
file per language (RFC 5545), so a reader can add it to a calendar.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from babel.dates import format_date

from hub import render
from hub.model import countries, urls
from hub.model.languages import DEFAULT, LANGUAGES
from hub.model.problems import Problem
from hub.render.context import front_matter
from hub.support import event_schema, yaml_entries


def check(folder: Path, root: Path, case_ids, episode_ids) -> tuple[dict, list[Problem], int]:
    """({id: Entry}, problems, files checked); outputs must name existing cases and episodes."""
    entries, found, checked = yaml_entries.read(folder, root, event_schema.event_schema(), "event")
    for entry in list(entries.values()):
        outputs = entry.meta.get("outputs") or {}
        missing = []
        for kind, known in (("cases", case_ids), ("episodes", episode_ids)):
            missing += yaml_entries.unknown_ids(entry, ("outputs", kind), f"outputs.{kind}", outputs.get(kind) or [], known, kind)
        if missing:
            found += missing
            del entries[entry.id]
    return entries, found, checked


def build_day() -> datetime.date:
    """The day a build counts from: the commit's (SOURCE_DATE_EPOCH), else today."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(stamp), datetime.UTC) if stamp and stamp.isdigit() else datetime.datetime.now(datetime.UTC)
    return moment.date()


def last_day(meta: dict) -> datetime.date:
    return meta.get("end") or meta["start"]


def is_upcoming(meta: dict, today: datetime.date) -> bool:
    return last_day(meta) >= today


def dates_text(meta: dict, lang: str, t: dict) -> str:
    start, end = meta["start"], last_day(meta)
    if end == start:
        return format_date(start, format="long", locale=lang)
    return t["event_date_range"].format(
        start=format_date(start, format="long", locale=lang), end=format_date(end, format="long", locale=lang)
    )


def summary(meta: dict, lang: str, t: dict, page_url: str, today: datetime.date) -> dict:
    """What a list of events shows of one event."""
    place = meta.get("place", {}).get(lang, "")
    if place and "country" in meta:
        place = t["event_place_country"].format(place=place, country=countries.name(meta["country"], lang))
    return {
        "id": meta["id"],
        "title": meta["title"][lang],
        "url": urls.relative(page_url, urls.event(meta["id"])),
        "start": meta["start"].isoformat(),
        "dates": dates_text(meta, lang, t),
        "format": t["event_format_" + meta["format"]],
        "place": place,
        # A file, not a page: relative to its folder, without the trailing slash of pages.
        "calendar": urls.relative(page_url, urls.EVENTS) + urls.event_calendar(meta["id"])[len(urls.EVENTS) :]
        if is_upcoming(meta, today)
        else "",
    }


def listing(entries: dict, lang: str, t: dict, page_url: str, today: datetime.date) -> dict:
    """The view model of the events list: upcoming first (soonest first), then past (latest first)."""
    ordered = sorted(entries.values(), key=lambda e: (e.meta["start"], e.id))
    upcoming = [summary(e.meta, lang, t, page_url, today) for e in ordered if is_upcoming(e.meta, today)]
    past = [summary(e.meta, lang, t, page_url, today) for e in reversed(ordered) if not is_upcoming(e.meta, today)]
    return {"upcoming": upcoming, "past": past, "t": {k: v for k, v in t.items() if k.startswith("event")}}


def listing_html(entries: dict, lang: str, t: dict, page_url: str, today: datetime.date) -> str:
    """The events list as an HTML block for a hand-written page (the working-group page)."""
    return "\n\n" + render.html("events_list", page=listing(entries, lang, t, page_url, today)) + "\n\n"


def detail(meta: dict, lang: str, t: dict, titles: dict, today: datetime.date) -> dict:
    """The view model of one event's page. `titles` maps ("cases"|"episodes", id) to
    (title, language, url from the site root) for the outputs."""
    page_url = urls.event(meta["id"])
    outputs = meta.get("outputs") or {}
    return {
        **summary(meta, lang, t, page_url, today),
        "summary": meta["summary"][lang],
        "agenda": [item[lang] for item in meta.get("agenda") or []],
        "speakers": [speaker["role"][lang] for speaker in meta.get("speakers") or []],
        "outputs": [
            {
                "title": titles[(kind, item_id)][0],
                "lang": titles[(kind, item_id)][1],
                "url": urls.relative(page_url, titles[(kind, item_id)][2]),
                "kind": t["event_output_" + kind],
            }
            for kind in ("cases", "episodes")
            for item_id in outputs.get(kind) or []
        ],
        "sources": [
            {"title": s["title"], "publisher": s["publisher"], "year": s["year"], "url": s.get("url", ""), "lang": s["language"]}
            for s in meta["sources"]
        ],
        "reviewed": meta["reviewed"].isoformat(),
        "events_url": urls.relative(page_url, "working-group/"),
        "t": {k: v for k, v in t.items() if k.startswith("event")},
    }


def generated(entries: dict, strings_by_lang: dict, titles_by_lang: dict, today: datetime.date) -> dict[str, str]:
    """{"<lang>/events/<id>.md": markdown} for every event in every language."""
    out = {}
    for lang in LANGUAGES:
        t = strings_by_lang[lang]
        for entry in entries.values():
            model = detail(entry.meta, lang, t, titles_by_lang[lang], today)
            meta = {"title": model["title"], "description": model["summary"][:300], "hub_page": "event"}
            out[f"{lang}/{urls.source_of(urls.event(entry.id))}"] = front_matter(**meta) + render.html("event", page=model) + "\n"
    return out


# iCalendar (RFC 5545): text values escape \ ; , and line breaks; lines are
# folded at 75 octets with CRLF and a space.
def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return "\r\n".join(out)


def calendar(meta: dict, lang: str, t: dict, page_url: str, stamp: datetime.datetime) -> str:
    """One event as an iCalendar file: an all-day event over its days."""
    end = last_day(meta) + datetime.timedelta(days=1)  # DTEND of a date is exclusive
    place = meta.get("place", {}).get(lang)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Women in Local Leadership hub//events//" + lang.upper(),
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:{meta['id']}@women-local-leadership-hub",
        "DTSTAMP:" + stamp.strftime("%Y%m%dT%H%M%SZ"),
        "DTSTART;VALUE=DATE:" + meta["start"].strftime("%Y%m%d"),
        "DTEND;VALUE=DATE:" + end.strftime("%Y%m%d"),
        "SUMMARY:" + _ics_text(meta["title"][lang]),
        "DESCRIPTION:" + _ics_text(meta["summary"][lang]),
        *(["LOCATION:" + _ics_text(place)] if place else []),
        *(["URL:" + page_url] if page_url else []),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def calendars(entries: dict, site_url: str, strings_by_lang: dict, today: datetime.date) -> dict[str, str]:
    """{site path: iCalendar text} of every upcoming event, per language."""
    stamp = datetime.datetime.combine(today, datetime.time(0, 0), datetime.UTC)
    out = {}
    for lang in LANGUAGES:
        root = "" if lang == DEFAULT else f"{lang}/"
        for entry in entries.values():
            if is_upcoming(entry.meta, today):
                page_url = (site_url.rstrip("/") + "/" + root + urls.event(entry.id)) if site_url else ""
                out[root + urls.event_calendar(entry.id)] = calendar(entry.meta, lang, strings_by_lang[lang], page_url, stamp)
    return out
