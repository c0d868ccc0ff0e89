"""Split the merged search index into one file per language, stored as UTF-8.

Material writes one index for all languages, with every Arabic letter escaped
as \\uXXXX (about three times the bytes). Readers of one language need only
their own entries, so each language root gets its own search_index.json.
"""

from __future__ import annotations

import json
from pathlib import Path


def split_by_language(site_dir: Path, languages, default: str, leave_out=frozenset()) -> dict[str, int]:
    """Write <root>/search/search_index.json per language; return entry counts.

    `leave_out` holds the URLs of pages shown in a language they are not
    written in (untranslated fallbacks): their entries stay out of that index.
    """
    merged_path = site_dir / "search" / "search_index.json"
    if not merged_path.exists():
        return {}
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    counts = {}
    for lang in languages:
        prefix = "" if lang == default else f"{lang}/"
        others = tuple(f"{code}/" for code in languages if code != default)
        if prefix:
            docs = [dict(d, location=d["location"][len(prefix):]) for d in merged["docs"] if d["location"].startswith(prefix)]
        else:
            docs = [d for d in merged["docs"] if not d["location"].startswith(others)]
        docs = [d for d in docs if (prefix + d["location"]).split("#")[0] not in leave_out]
        target = site_dir / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {"config": merged["config"], "docs": docs}
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(docs)
    return counts
