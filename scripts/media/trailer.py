"""Make the trailer episode in each language from scripts/media/trailer.yml.

Writes podcasts/media/hub-trailer.<lang>.mp3 and .vtt, and the episode file
podcasts/hub-trailer.<lang>.md whose body is exactly the narrated text.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import narration

HERE = Path(__file__).resolve().parent
PODCASTS = narration.REPO / "podcasts"
MADE_BY = "scripts/make-trailer from scripts/media/trailer.yml"


def make(lang: str, spec: dict, work: Path) -> list[Path]:
    names = narration.theme_names(lang)
    paragraphs = [[sentence.format(**names) for sentence in p] for p in spec["narration"][lang]]
    wav = work / f"trailer-{lang}.wav"
    timed = narration.join(paragraphs, lang, work, wav)
    base = f"{spec['id']}.{lang}"
    mp3 = PODCASTS / "media" / f"{base}.mp3"
    vtt = PODCASTS / "media" / f"{base}.vtt"
    mp3.parent.mkdir(parents=True, exist_ok=True)
    meta = spec["meta"][lang]
    narration.ffmpeg(
        "-i",
        str(wav),
        "-ac",
        "1",
        "-ar",
        "22050",
        "-codec:a",
        "libmp3lame",
        "-b:a",
        "40k",
        "-map_metadata",
        "-1",
        "-metadata",
        f"title={meta['title']}",
        "-id3v2_version",
        "3",
        "-fflags",
        "+bitexact",
        str(mp3),
    )
    narration.write_vtt(vtt, [(s.start, s.end, s.text) for p in timed for s in p])
    episode = narration.episode_fields(spec, lang, "audio", f"media/{base}.mp3", {lang: f"media/{base}.vtt"})
    md = PODCASTS / f"{base}.md"
    narration.write_episode(md, MADE_BY, episode, timed)
    return [mp3, vtt, md]


def main() -> None:
    spec = narration.load(HERE / "trailer.yml")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work:
        for lang in ("en", "ar"):
            for path in make(lang, spec, Path(work)):
                print(f"{path.relative_to(narration.REPO)}: {path.stat().st_size:,} bytes")
    print(f"made in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
