"""Run Lighthouse (npm, pinned) against Debian's Chromium and return category scores."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile

from helpers import REPO

BATCH = REPO / "tests" / "lighthouse_batch.mjs"


def scores_of(urls: list[str], categories=("accessibility", "best-practices", "seo")) -> dict[str, dict]:
    """{url: {category: score 0-100, "failing": [audit ids]}} for each page,
    mobile preset (the default), all in one Chromium started once."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "reports.json")
        subprocess.run(
            ["node", str(BATCH), out, ",".join(categories), *urls],
            cwd=REPO,
            env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"),
            check=True,
            capture_output=True,
            timeout=120 + 60 * len(urls),
        )
        reports = json.loads(open(out, encoding="utf-8").read())
    return {url: _scores(reports[url]) for url in urls}


def scores(url: str, categories=("accessibility", "best-practices", "seo")) -> dict:
    """The scores of one page (see scores_of)."""
    return scores_of([url], categories)[url]


def _scores(report: dict) -> dict:
    if report.get("runtimeError"):
        return {"error": report["runtimeError"]}
    result = {name: round(cat["score"] * 100) for name, cat in report["categories"].items()}
    result["failing"] = sorted(
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    )
    return result
