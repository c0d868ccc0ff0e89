"""Film the case-library walkthrough in each language from scripts/media/walkthrough.yml.

Builds the site from this tree (without the episodes, which this script is
making), serves it on 127.0.0.1, takes one real Chromium screenshot per
scene, speaks each sentence with eSpeak NG, and joins them into an H.264/AAC
MP4 whose scenes last exactly as long as their narration. Writes
podcasts/media/library-walkthrough.<lang>.mp4, captions in both languages
(.<lang>.<caption lang>.vtt) and the episode files.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

import browser
import narration

HERE = Path(__file__).resolve().parent
REPO = narration.REPO
PODCASTS = REPO / "podcasts"
MADE_BY = "scripts/make-walkthrough from scripts/media/walkthrough.yml"
VIEWPORT = {"width": 1280, "height": 720}
HIGHLIGHT = "el => { el.style.outline = '5px solid #c2185b'; el.style.outlineOffset = '4px'; }"


def build_site(work: Path) -> Path:
    """The site as readers see it, built from a copy of the tree without podcasts/."""
    project = work / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project)
    for folder in ("hooks", "overrides", "docs", "good_practices"):
        shutil.copytree(REPO / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "podcasts").mkdir()
    site = work / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project / "hooks"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)], cwd=project, env=env, check=True)
    return site


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def film(tab, base: str, scenes: list, out: Path) -> tuple[list[Path], set]:
    """One screenshot per scene, after doing its steps in the page; and the cases opened."""
    shots, cases = [], set()
    for number, scene in enumerate(scenes):
        tab.evaluate("() => document.querySelectorAll('[style*=outline]').forEach(el => { el.style.outline = ''; })")
        for step in scene["steps"]:
            ((action, value),) = step.items()
            if action == "open":
                tab.goto(base + value)
            elif action == "select":
                for selector, option in value.items():
                    tab.select_option(selector, option)
            elif action == "follow":
                tab.locator(value).first.click()
                tab.wait_for_load_state()
                parts = tab.url[len(base) :].strip("/").split("/")
                if len(parts) == 2 and parts[0] == "good-practices":
                    cases.add(parts[1])
            elif action == "scroll":
                tab.locator(value).first.evaluate("el => el.scrollIntoView({block: 'start'})")
            elif action == "highlight":
                tab.locator(value).first.evaluate(HIGHLIGHT)
        tab.wait_for_timeout(150)
        shot = out / f"scene-{number:02d}.png"
        tab.screenshot(path=str(shot))
        shots.append(shot)
    return shots, cases


def encode(shots: list[Path], starts: list[float], total: float, wav: Path, mp4: Path, work: Path) -> None:
    """The scenes as stills, each shown until the next one's narration starts."""
    ends = starts[1:] + [total]
    listing = work / "scenes.txt"
    lines = []
    for shot, start, end in zip(shots, starts, ends):
        lines += [f"file '{shot}'", f"duration {end - start:.3f}"]
    lines.append(f"file '{shots[-1]}'")  # the concat format needs the last still twice
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    narration.ffmpeg(
        "-f",
        "concat",
        "-safe",
        "0",
        "-i",
        str(listing),
        "-i",
        str(wav),
        "-vf",
        "fps=5,format=yuv420p",
        "-c:v",
        "libx264",
        "-preset",
        "veryslow",
        "-tune",
        "stillimage",
        "-crf",
        "30",
        "-g",
        "50",
        "-c:a",
        "aac",
        "-b:a",
        "48k",
        "-ac",
        "1",
        "-shortest",
        "-movflags",
        "+faststart",
        "-map_metadata",
        "-1",
        "-fflags",
        "+bitexact",
        str(mp4),
    )


def make(lang: str, spec: dict, tab, base: str, work: Path) -> tuple[list[Path], dict, list, set]:
    """The video and captions of one language; the episode's fields and timings to write."""
    names = {code: narration.theme_names(code) for code in ("en", "ar")}
    scenes = spec["scenes"]
    paragraphs = [[line[lang].format(**names[lang]) for line in scene["say"]] for scene in scenes]
    wav = work / f"walkthrough-{lang}.wav"
    timed = narration.join(paragraphs, lang, work, wav)
    with wave.open(str(wav), "rb") as reader:
        total = reader.getnframes() / reader.getframerate()
    shots_dir = work / f"shots-{lang}"
    shots_dir.mkdir()
    shots, cases = film(tab, base + ("" if lang == "en" else "ar/"), scenes, shots_dir)
    stem = f"{spec['id']}.{lang}"
    mp4 = PODCASTS / "media" / f"{stem}.mp4"
    encode(shots, [p[0].start if i else 0.0 for i, p in enumerate(timed)], total, wav, mp4, work)
    captions = {}
    for caption_lang in ("en", "ar"):
        vtt = PODCASTS / "media" / f"{stem}.{caption_lang}.vtt"
        cues = [
            (spoken.start, spoken.end, line[caption_lang].format(**names[caption_lang]))
            for scene, paragraph in zip(scenes, timed)
            for line, spoken in zip(scene["say"], paragraph)
        ]
        narration.write_vtt(vtt, cues)
        captions[caption_lang] = f"media/{vtt.name}"
    episode = narration.episode_fields(spec, lang, "video", f"media/{mp4.name}", captions)
    return [mp4, *(PODCASTS / p for p in captions.values())], episode, timed, cases


def main() -> None:
    spec = narration.load(HERE / "walkthrough.yml")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = build_site(work)
        built = time.monotonic()
        print(f"site built in {built - started:.1f} s")
        handler = functools.partial(Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with browser.chromium() as chromium:
                made = {}
                for lang in ("en", "ar"):
                    tab = chromium.new_page(viewport=VIEWPORT)
                    made[lang] = make(lang, spec, tab, base, work)
                    tab.close()
            # The cases the video opens are the cases it discusses, in both files alike.
            shown = sorted(set().union(*(cases for *_, cases in made.values())))
            for lang, (files, episode, timed, _) in made.items():
                md = PODCASTS / f"{spec['id']}.{lang}.md"
                narration.write_episode(md, MADE_BY, {**episode, "related_cases": shown}, timed)
                for path in [*files, md]:
                    print(f"{path.relative_to(REPO)}: {path.stat().st_size:,} bytes")
        finally:
            server.shutdown()
    print(f"made in {time.monotonic() - started:.1f} s (site build {built - started:.1f} s)")


if __name__ == "__main__":
    main()
