"""The command-line check: `scripts/check [--format text|github] [--root DIR]`.

Prints every problem as `path:line: field: message` (or as GitHub
annotations), then a count; exits 1 when any problem is an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hub.checks.project import Layout, check
from hub.model import problems as problem_format


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/check", description="Check the hub's content and data files without building the site.")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="github prints workflow annotations")
    parser.add_argument("--root", type=Path, default=None, help="project folder (default: this repository)")
    args = parser.parse_args(argv)
    layout = Layout() if args.root is None else Layout(root=args.root.resolve())
    report = check(layout)
    for problem in report.problems:
        print(problem.github() if args.format == "github" else problem.text())
    files = f"{report.files_checked} content file{'s' if report.files_checked != 1 else ''} checked"
    print(f"{problem_format.summary(report.problems)}; {files}" if report.problems else f"OK: {files}, no problem")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
