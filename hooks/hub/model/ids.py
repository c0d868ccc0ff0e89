"""The id rule, written once: an id (of a case, an episode, a network, an
event, a challenge, an assessment dimension) is at most 80 lower-case letters,
digits and single hyphens, and names its file."""

from __future__ import annotations

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
