"""Characters that have no place in a title, a name or an address.

Controls break feeds and terminals; bidirectional embeddings, overrides and
isolates make text read differently from what a reviewer sees; zero-width
characters hide differences. Left-to-right and right-to-left marks (U+200E,
U+200F) are allowed: Arabic text mixed with Latin needs them.
"""

from __future__ import annotations

import re
import unicodedata

HIDDEN = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u200b-\\u200d\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff]")
# Of those, the ones YAML itself cannot read (it would stop with a vaguer message).
UNREADABLE_BY_YAML = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x84\\x86-\\x9f\\x85]")


def describe(char: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE)'."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'a control character')})"


def advice(char: str, position: int) -> str:
    return (
        f"holds the invisible character {describe(char)} at position {position}: delete it (retype the text around it if you cannot see it)"
    )
