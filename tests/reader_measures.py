"""One pass over every built page in one Chromium tab, measured as a phone
reader meets it; the tests of tests/test_reader_browser.py read these
measures, so the site is walked once per session."""

from __future__ import annotations

import re

from helpers import close_context, html_pages, is_arabic, page_url
from hub.checks.foreign_words import allowlist
from hub.checks.foreign_words import stray_words as latin_words  # the Latin words the allowlist does not allow

WIDTHS = (320, 360, 390)

# Text a reader meets (and a screen reader speaks) that is not inside an
# element of another language or a code element: the text nodes, and the
# attributes read aloud. Returns [text, where] pairs.
ARABIC_PAGE_TEXT = """
(skip) => {
  const out = [];
  const foreign = (el) => { const own = el.closest('[lang]'); return own && !own.lang.startsWith('ar'); };
  // Fallback text inside <audio> and <video> is neither shown nor spoken.
  const skipped = 'script, style, noscript, template, audio, video, ' + skip;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.data.trim() || el.closest(skipped) || foreign(el)) continue;
    out.push([node.data, el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '')]);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
    if (el.closest(skipped) || foreign(el)) continue;
    for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
      if (el.hasAttribute(name)) out.push([el.getAttribute(name), el.tagName.toLowerCase() + '@' + name]);
    }
  }
  return out;
}
"""

SLANTED_ARABIC = """
() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/[\\u0600-\\u06FF]/.test(node.data)) continue;
    const style = getComputedStyle(node.parentElement).fontStyle;
    // Fallback text inside <audio> or <video> is not rendered: it has no style.
    if (/italic|oblique/.test(style)) out.push(node.parentElement.tagName.toLowerCase() + ' ' + style + ': ' + node.data.trim().slice(0, 40));
  }
  return out;
}
"""


_FOUND: dict = {}


def measures(browser, server, site):
    """{page url: {"widths": {width: [scrollWidth, clientWidth]}, "latin": [...], "slanted": [...]}}
    of every built page, measured once per built site."""
    if site in _FOUND:
        return _FOUND[site]
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 720})
    # Media files play no part in the layout; not fetching them keeps this quick.
    context.route(re.compile(r"\.(mp3|m4a|ogg|mp4|webm)(\?.*)?$"), lambda route: route.abort())
    tab = context.new_page()
    found = {}
    for n, path in enumerate(html_pages(site)):
        url = page_url(site, path)
        tab.goto(server.url + url, wait_until="load")
        widths = {}
        # Each page opens at the width the last one ended at, and is measured
        # from there: narrow to wide, then wide to narrow (a resize less a page).
        for width in WIDTHS if n % 2 == 0 else WIDTHS[::-1]:
            tab.set_viewport_size({"width": width, "height": 720})
            widths[width] = tab.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        latin = []
        if is_arabic(site, path):
            for text, where in tab.evaluate(ARABIC_PAGE_TEXT, ", ".join(sorted(allowlist().elements))):
                # The same rules as scripts/check's (hub.checks.foreign_words).
                words = latin_words(text)
                if words:
                    latin.append(f"{where}: {' '.join(words)}")
        found[url] = {"widths": widths, "latin": latin, "slanted": tab.evaluate(SLANTED_ARABIC)}
    close_context(context)
    _FOUND[site] = found
    return found


def listing(found: dict) -> str:
    """One line per page and finding, all of them, for a failure message."""
    return f"{len(found)} pages:\n" + "\n".join(f"{url}: {item}" for url, items in sorted(found.items()) for item in items)
