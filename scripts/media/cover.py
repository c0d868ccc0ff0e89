"""Make the podcast's square image, podcasts/cover.jpg, from HTML in Chromium.

The titles come from hooks/hub/data/podcast.yml and the theme letters from
themes.yml, so the image says what the feed says. 1400 x 1400 pixels, the
smallest size podcast apps accept, keeps the file small.
"""

from __future__ import annotations

import html
import time

import browser
import narration

SIDE = 1400
OUT = narration.REPO / "podcasts" / "cover.jpg"


def page() -> str:
    podcast = narration.load(narration.REPO / "hooks" / "hub" / "data" / "podcast.yml")
    letters = "".join(f"<span>{html.escape(t.id)}</span>" for t in narration.themes.load())
    title = podcast["title"]
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
      html, body {{ margin: 0; width: {SIDE}px; height: {SIDE}px; }}
      body {{ background: #4a2373; color: #fff; font-family: "Noto Sans", sans-serif;
              display: flex; flex-direction: column; justify-content: center; align-items: center; gap: 70px; }}
      svg {{ width: 300px; height: 300px; }}
      h1 {{ margin: 0; font-size: 104px; line-height: 1.1; text-align: center; font-weight: 700; }}
      h2 {{ margin: 0; font-family: "Noto Naskh Arabic", serif; font-size: 112px; font-weight: 700; }}
      .letters {{ display: flex; gap: 36px; }}
      .letters span {{ width: 120px; height: 120px; border-radius: 50%; background: #fff; color: #4a2373;
                       display: flex; align-items: center; justify-content: center; font-size: 68px; font-weight: 700; }}
    </style></head><body>
      <svg viewBox="0 0 64 64"><path d="M12 18l9 28 11-20 11 20 9-28" fill="none" stroke="#fff" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/></svg>
      <h1>{html.escape(title["en"])}</h1>
      <h2 dir="rtl" lang="ar">{html.escape(title["ar"])}</h2>
      <div class="letters">{letters}</div>
    </body></html>"""


def main() -> None:
    started = time.monotonic()
    with browser.chromium() as chromium:
        tab = chromium.new_page(viewport={"width": SIDE, "height": SIDE})
        tab.set_content(page())
        tab.screenshot(path=str(OUT), type="jpeg", quality=85)
    print(f"{OUT.relative_to(narration.REPO)}: {OUT.stat().st_size:,} bytes, made in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
