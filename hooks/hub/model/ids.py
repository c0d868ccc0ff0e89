"""The id rule, written once: an id (of a case, an episode, a network, an
event, a challenge, an assessment dimension) is at most 80 lower-case letters,
digits and single hyphens, and names its file."""

from __future__ import annotations

import difflib
import re

from hub.model.schema import Text

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_MAX = 80
ID_RULE = "lower-case letters, digits and single hyphens"


def id_kind(what: str = ID_RULE) -> Text:
    """The id as a schema kind; `what` is how messages and the guide name it (e.g. "a case id")."""
    return Text(ID_MAX, ID_PATTERN, what)


def is_id(text: str) -> bool:
    return len(text) <= ID_MAX and re.fullmatch(ID_PATTERN, text) is not None


def unknown(ids, known) -> list[tuple[int, str, str]]:
    """(index, id, hint) for each of `ids` that is not in `known`; the hint
    names the closest known id, " (did you mean 'x'?)", or is empty."""
    found = []
    for index, item_id in enumerate(ids):
        if item_id not in known:
            match = difflib.get_close_matches(item_id, sorted(known), n=1)
            found.append((index, item_id, f" (did you mean {match[0]!r}?)" if match else ""))
    return found
