"""Shared steps of the seed-media scripts: speak, join, time, caption, write.

Each sentence is spoken to its own WAV file by eSpeak NG, so its start and end
in the joined recording are known exactly; captions and transcript
timestamps come from those numbers, and the transcript is the very text that
was spoken.
"""

from __future__ import annotations

import subprocess
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "hooks"))

from hub.model import themes  # noqa: E402

# eSpeak NG voices and a speed (words per minute) a listener can follow.
VOICES = {"en": "en-gb", "ar": "ar"}
SPEED = {"en": 150, "ar": 140}
GAP = 0.45  # seconds of silence between sentences
PAUSE = 0.9  # seconds of silence after a paragraph or scene


@dataclass
class Spoken:
    text: str
    start: float
    end: float


def theme_names(lang: str) -> dict:
    """{"theme_A": name, ...} for filling the narration's placeholders."""
    return {f"theme_{t.id}": t.name[lang] for t in themes.load()}


def speak(text: str, lang: str, wav: Path) -> None:
    subprocess.run(
        ["espeak-ng", "-v", VOICES[lang], "-s", str(SPEED[lang]), "-w", str(wav), text],
        check=True,
    )


def join(paragraphs: list[list[str]], lang: str, work: Path, out_wav: Path) -> list[list[Spoken]]:
    """Speak every sentence, join them with pauses into one WAV; return the timings."""
    timed, frames, params = [], [], None
    position = 0.0
    for p_index, sentences in enumerate(paragraphs):
        timed_paragraph = []
        for s_index, sentence in enumerate(sentences):
            wav = work / f"{lang}-{p_index:02d}-{s_index:02d}.wav"
            speak(sentence, lang, wav)
            with wave.open(str(wav), "rb") as reader:
                params = params or reader.getparams()
                rate = reader.getframerate()
                data = reader.readframes(reader.getnframes())
            length = len(data) / (reader.getsampwidth() * reader.getnchannels()) / rate
            timed_paragraph.append(Spoken(sentence, round(position, 3), round(position + length, 3)))
            frames.append(data)
            pause = GAP if s_index < len(sentences) - 1 else PAUSE
            frames.append(b"\0" * (int(pause * rate) * reader.getsampwidth() * reader.getnchannels()))
            position += length + int(pause * rate) / rate
        timed.append(timed_paragraph)
    with wave.open(str(out_wav), "wb") as writer:
        writer.setparams(params)
        for chunk in frames:
            writer.writeframes(chunk)
    return timed


def vtt_time(seconds: float) -> str:
    millis = int(round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def clock(seconds: float) -> str:
    total = int(seconds)
    return f"{total // 60}:{total % 60:02d}"


def write_vtt(path: Path, cues: list[tuple[float, float, str]]) -> None:
    lines = ["WEBVTT", ""]
    for number, (start, end, text) in enumerate(cues, start=1):
        lines += [str(number), f"{vtt_time(start)} --> {vtt_time(end)}", text, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def episode_fields(spec: dict, lang: str, kind: str, media: str, captions: dict) -> dict:
    """The front matter of a synthesized seed episode, from its YAML spec."""
    meta = spec["meta"][lang]
    return {
        "id": spec["id"],
        "kind": kind,
        "title": meta["title"],
        "date": spec["date"],
        "summary": meta["summary"],
        "themes": spec["themes"],
        "speakers": [{"name": "eSpeak NG", "role": meta["speaker_role"]}],
        "narration": "synthesized",
        "language": lang,
        "media": media,
        "captions": captions,
    }


def write_episode(path: Path, made_by: str, meta: dict, paragraphs: list[list[Spoken]]) -> None:
    """The episode file: front matter, then the transcript, one timestamped paragraph each."""
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    body = "\n\n".join(f"[{clock(p[0].start)}] " + " ".join(s.text for s in p) for p in paragraphs)
    path.write_text(
        f"---\n# Made by {made_by}: edit that and run it again rather than this file.\n{front}---\n\n{body}\n",
        encoding="utf-8",
    )


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args], check=True)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
