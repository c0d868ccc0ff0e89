"""One problem found in a file, and the two ways it is printed.

Every check in the core yields Problems, so that a contributor sees the same
`path:line: field: message` line in the terminal, in the MkDocs build and as a
GitHub annotation on a pull request.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # repository-relative, with forward slashes
    line: int  # 1-based
    field: str
    message: str
    severity: str = "error"  # "error" fails the build; "warning" does not

    def text(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {prefix}{self.field}: {self.message}"

    def github(self) -> str:
        # Escaped as GitHub's own toolkit does (actions/toolkit, command.ts):
        # the message may not hold raw line breaks; a property (file, title)
        # may not hold ',' or ':' either, which would end it early.
        def data(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def prop(text: str) -> str:
            return data(text).replace(":", "%3A").replace(",", "%2C")

        return f"::{self.severity} file={prop(self.path)},line={self.line},title={prop(self.field)}::{data(self.message)}"


def errors(problems) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def summary(problems) -> str:
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    parts = [f"{n_err} error{'s' if n_err != 1 else ''}"]
    if n_warn:
        parts.append(f"{n_warn} warning{'s' if n_warn != 1 else ''}")
    return ", ".join(parts)
