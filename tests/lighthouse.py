"""Run Lighthouse (npm, pinned) against Debian's Chromium and return category scores."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile

from helpers import REPO

CLI = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"


def scores(url: str, categories=("accessibility", "best-practices", "seo")) -> dict:
    """{category: score 0-100, "failing": [audit ids]} for one page, mobile preset (the default)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "report.json")
        subprocess.run(
            [
                "node",
                str(CLI),
                url,
                "--output=json",
                f"--output-path={out}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run",
                f"--only-categories={','.join(categories)}",
            ],
            env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"),
            check=True,
            capture_output=True,
            timeout=180,
        )
        report = json.loads(open(out, encoding="utf-8").read())
    result = {name: round(cat["score"] * 100) for name, cat in report["categories"].items()}
    result["failing"] = sorted(
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    )
    return result
