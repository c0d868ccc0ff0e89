"""Run Lighthouse (npm, pinned) against Debian's Chromium and return category scores."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile

from helpers import REPO

BATCH = REPO / "tests" / "lighthouse_batch.mjs"


class Batch:
    """Lighthouse audits of several pages, running in the background from
    the moment it is made (one Node process, one Chromium)."""

    def __init__(self, urls: list[str], categories=("accessibility", "best-practices", "seo")):
        self.urls = list(urls)
        self.folder = tempfile.TemporaryDirectory()
        self.out = os.path.join(self.folder.name, "reports.json")
        self.process = subprocess.Popen(
            ["node", str(BATCH), self.out, ",".join(categories), *self.urls],
            cwd=REPO,
            env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def scores(self) -> dict[str, dict]:
        """{url: {category: score 0-100, "failing": [audit ids]}} for each page, once all are audited."""
        try:
            output, _ = self.process.communicate(timeout=120 + 60 * len(self.urls))
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        with self.folder:
            if self.process.returncode != 0:
                raise RuntimeError(f"Lighthouse failed ({self.process.returncode}):\n{output[-3000:]}")
            reports = json.loads(open(self.out, encoding="utf-8").read())
        return {url: _scores(reports[url]) for url in self.urls}


def scores_of(urls: list[str], categories=("accessibility", "best-practices", "seo")) -> dict[str, dict]:
    """{url: {category: score 0-100, "failing": [audit ids]}} for each page,
    mobile preset (the default), all in one Chromium started once."""
    return Batch(urls, categories).scores()


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
