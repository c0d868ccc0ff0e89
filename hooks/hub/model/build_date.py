"""The date a build is stamped with: the commit's, not the clock's.

Two builds of one commit, on any day, must give the same files (the sitemap
holds a date). The standard SOURCE_DATE_EPOCH wins when it is set.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def commit_epoch(root: Path) -> str | None:
    """Seconds since 1970 of the last commit in `root`, or None outside git."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None


def pin(root: Path) -> None:
    """Set SOURCE_DATE_EPOCH from the last commit unless it is set already."""
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        stamp = commit_epoch(root)
        if stamp:
            os.environ["SOURCE_DATE_EPOCH"] = stamp
