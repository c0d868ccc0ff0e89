"""Turn the body of a submitted case issue form into case files, checked by the core.

GitHub writes a submitted form as Markdown: each question as `### <label>`,
then the answer, `_No response_` when it was left empty. This module finds
the form (language and case type) from the labels, reads every answer, and
writes `good_practices/<id>.<lang>.md`; one body per language of the case.

    scripts/case-from-issue issue.md            # or: ... < issue.md
    gh issue view 42 --json body -q .body | scripts/case-from-issue --id tunis-parity

A body that lacks required answers gets one message listing all of them, in
the form's own words; a complete body whose values break a rule gets the
validator's `path:line: field: message` lines. Nothing is written unless
every file passes (or --force is given).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from hub.checks import project
from hub.contrib import issue_form
from hub.model import case_schema, countries, ids, paths, strings
from hub.model.languages import LANGUAGES
from hub.model.schema import Code, Group, Integer, ListOf

NO_RESPONSE = "_No response_"
HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$", re.M)
LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# Headings inside an answer would be taken for the case's own sections.
ANSWER_HEADING = re.compile(r"^(#{1,2})(?=\s)", re.M)
MODELINE = "# yaml-language-server: $schema=../hooks/hub/schemas/case.schema.json"


class BodyError(Exception):
    """Bodies that cannot become case files; `problems` lists every reason, `hint` what to do."""

    def __init__(self, where: str, problems: list[str], hint: str = ""):
        super().__init__(f"{where}: " + "; ".join(problems))
        self.where = where
        self.problems = problems
        self.hint = hint


ASK_THE_PROPOSER = "Ask the proposer to edit the issue (or fill in the answers yourself), then run this again."


@dataclass
class Proposal:
    """One submitted form: its language, case type and answers by what they fill."""

    where: str  # the file the body came from, for messages
    lang: str
    case_type: str
    questions: list  # [issue_form.Question]
    answers: dict  # question.fills -> answer text ("" when empty)

    def label(self, fills: str) -> str:
        return next(q.label[self.lang] for q in self.questions if q.fills == fills)


def _forms(rules: case_schema.CaseRules, strings_by_lang) -> dict:
    return {case_type: issue_form.questions(case_type, rules, strings_by_lang) for case_type in case_schema.TYPES}


def _answers(body: str, labels: set) -> dict:
    """label -> answer, splitting only at headings that are questions of the form."""
    marks = [m for m in HEADING.finditer(body) if m.group(1) in labels]
    found = {}
    for mark, following in zip(marks, marks[1:] + [None]):
        text = body[mark.end() : following.start() if following else len(body)].strip()
        found.setdefault(mark.group(1), "" if text == NO_RESPONSE else text)
    return found


def _option_value(answer: str, question) -> str:
    """The schema value of a dropdown answer given as a label in any language, or as the value itself."""
    for value, labels in question.options:
        if answer.strip().casefold() in {value.casefold(), *(label.casefold() for label in labels.values())}:
            return value
    return answer.strip()


def _option_values(answer: str, question) -> list[str]:
    """The values of a multiple-choice answer ('A · Legal…, C · …'); unknown parts are kept for the validator."""
    found, rest = [], answer
    labels = sorted(((label, value) for value, by_lang in question.options for label in by_lang.values()), key=lambda lv: -len(lv[0]))
    for label, value in labels:
        while label in rest:
            found.append((rest.index(label), value))
            rest = rest.replace(label, " " * len(label), 1)
    for token in re.finditer(r"[^\s,،;؛]+", rest):
        found.append((token.start(), _option_value(token.group(0), question)))
    return [value for _, value in sorted(found)]


def parse(body: str, rules: case_schema.CaseRules, where: str = "<stdin>", strings_by_lang=None) -> Proposal:
    """Read a submitted form; raise BodyError listing every missing answer."""
    strings_by_lang = strings_by_lang or strings.load()
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    forms = _forms(rules, strings_by_lang)
    headings = {m.group(1) for m in HEADING.finditer(body)}
    scores = {
        (lang, case_type): len(headings & {q.label[lang] for q in questions})
        for case_type, questions in forms.items()
        for lang in LANGUAGES
    }
    lang, case_type = max(scores, key=scores.get)
    if scores[lang, case_type] == 0:
        title = next(q for q in forms[case_type] if q.fills == "title")
        examples = " or ".join(f"'### {title.label[code]}'" for code in LANGUAGES)
        raise BodyError(
            where,
            [f"this is not a case proposal: none of the form's questions was found (headings such as {examples})"],
            "Give the body of an issue opened with one of the case forms.",
        )
    # The type question reads the same in both forms of a language; its answer names the form.
    by_label = _answers(body, {q.label[lang] for q in forms[case_type]})
    type_label = next(q for q in forms[case_type] if q.fills == "type").label[lang]
    for other_type, questions in forms.items():
        type_question = next(q for q in questions if q.fills == "type")
        if other_type != case_type and _option_value(by_label.get(type_label, ""), type_question) == other_type:
            case_type = other_type
            by_label = _answers(body, {q.label[lang] for q in forms[case_type]})
            break
    questions = forms[case_type]
    missing = []
    for question in questions:
        if not question.fills or not question.required:
            continue
        label = question.label[lang]
        if label not in by_label:
            missing.append(f"the question «{label}» is not in the body (was the heading '### {label}' edited or removed?)")
        elif not by_label[label]:
            missing.append(f"«{label}» has no answer")
    if missing:
        raise BodyError(where, missing, ASK_THE_PROPOSER)
    answers = {q.fills: by_label.get(q.label[lang], "") for q in questions if q.fills}
    return Proposal(where, lang, case_type, questions, answers)


def _scalar(value, quote: bool = False) -> str:
    """A YAML value: texts in double quotes, as in the hand-written cases; codes
    and choices plain when they read back as themselves (NO, Norway, must not become false)."""
    if isinstance(value, (int, datetime.date)):
        return str(value) if isinstance(value, int) else value.isoformat()
    text = str(value)
    if not quote and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]*", text) and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted one


def _number(text: str):
    """A year as a number when it is one (Arabic-Indic digits too), else the text for the validator."""
    try:
        return int(text.strip())
    except ValueError:
        return text.strip()


def _code(text: str, names) -> str:
    """A code given as itself in any case, or as its name in a site language (names: lang -> {code: name})."""
    text = text.strip()
    for code in names(LANGUAGES[0]):
        if code.casefold() == text.casefold():
            return code
    for lang in LANGUAGES:
        for code, name in names(lang).items():
            if name.casefold() == text.casefold():
                return code
    return text  # the validator says what is wrong with it


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _sources(text: str, proposal: Proposal, source_group: Group, strings_by_lang: dict) -> tuple[list[dict], list[str]]:
    """Each paragraph of the Sources answer as {part: value}; lines that fit no part are reported."""
    names = {}
    for part in source_group.fields:
        names[part.name.casefold()] = part.name
        for lang in LANGUAGES:
            names[strings_by_lang[lang][f"form_source_{part.name}"].rstrip(":：").strip().casefold()] = part.name
    sources, problems = [], []
    for number, paragraph in enumerate(p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()):
        source = {}
        for line in paragraph.splitlines():
            line = LIST_MARK.sub("", line).strip()
            key, _, value = line.partition(":") if ":" in line and not line.lower().startswith("http") else ("", "", line)
            part = names.get(key.strip().casefold())
            if part is None and line.lower().startswith("https://"):
                part, value = "url", line
            if part is None:
                labels = ", ".join(strings_by_lang[proposal.lang][f"form_source_{p.name}"] for p in source_group.fields)
                problems.append(
                    f"«{proposal.label('sources')}», source {number + 1}: the line {line!r} does not start with one of {labels}"
                )
                continue
            value = value.strip()
            kind = source_group.field(part).kind
            source[part] = (
                _number(value) if isinstance(kind, Integer) else _code(value, countries.language_names) if isinstance(kind, Code) else value
            )
        sources.append(source)
    return sources, problems


def case_text(proposal: Proposal, case_id: str, today: datetime.date, rules: case_schema.CaseRules, strings_by_lang) -> str:
    """The case file for one proposal: front matter in the schema's order, then the sections."""
    lines = ["---", MODELINE]
    problems = []
    for field in rules.schema.fields:
        kind = field.kind
        if field.name == "id":
            lines.append(f"id: {_scalar(case_id)}")
        elif field.name == "reviewed":
            lines.append(f"{field.name}: {_scalar(today)}")
        elif field.name == "reviewer":
            lines.append(f"{field.name}: {_scalar(strings_by_lang[proposal.lang]['default_reviewer'], quote=True)}")
        elif isinstance(kind, Group):
            parts = [(part, proposal.answers.get(f"{field.name}.{part.name}", "")) for part in kind.fields]
            lines.append(f"{field.name}:")
            lines += [
                f"  {part.name}: {_scalar(_number(answer) if isinstance(part.kind, Integer) else _one_line(answer))}"
                for part, answer in parts
                if answer
            ]
        elif isinstance(kind, ListOf) and isinstance(kind.item, Group):
            sources, found = _sources(proposal.answers[field.name], proposal, kind.item, strings_by_lang)
            problems += found
            lines.append(f"{field.name}:")
            for source in sources:
                for index, (part, value) in enumerate(source.items()):
                    lines.append(f"  {'- ' if index == 0 else '  '}{part}: {_scalar(value, quote=True)}")
        else:
            answer = proposal.answers.get(field.name, "")
            if not answer:
                continue  # an optional question left empty: no line, as the schema asks
            question = next(q for q in proposal.questions if q.fills == field.name)
            if isinstance(kind, ListOf):
                lines.append(f"{field.name}: [{', '.join(_scalar(v) for v in _option_values(answer, question))}]")
            elif question.options:
                lines.append(f"{field.name}: {_scalar(_option_value(answer, question))}")
            elif isinstance(kind, Code):
                lines.append(f"{field.name}: {_scalar(_code(answer, countries.names))}")
            else:
                lines.append(f"{field.name}: {_scalar(_one_line(answer), quote=True)}")
    if problems:
        raise BodyError(proposal.where, problems, ASK_THE_PROPOSER)
    lines.append("---")
    for number, names in enumerate(case_schema.sections()[proposal.case_type], start=1):
        text = ANSWER_HEADING.sub("###", proposal.answers[f"section:{number}"])
        lines += ["", f"## {names[proposal.lang]}", "", text]
    return "\n".join(lines) + "\n"


def _case_id(proposals: list[Proposal], given: str | None) -> tuple[str | None, list[str]]:
    answered = {p.answers.get("id", "").strip() for p in proposals} - {""}
    if given:
        case_id = given
    elif len(answered) > 1:
        return None, [f"the bodies give different case ids ({', '.join(sorted(answered))}): choose one with --id"]
    elif answered:
        case_id = answered.pop()
    else:
        label = proposals[0].label("id")
        return None, [f"«{label}» is empty: choose an id ({ids.ID_RULE}, e.g. tunisia-parity-2018) and run again with --id <id>"]
    if not ids.is_id(case_id):
        return None, [f"{case_id!r} is not a valid case id: use {ids.ID_RULE}, e.g. tunisia-parity-2018 (or give one with --id)"]
    return case_id, []


def _labelled(problem, proposals: dict) -> str:
    """A validator line, with the form's question named when the field came from one."""
    lang = Path(problem.path).name.split(".")[-2]
    proposal = proposals.get(lang)
    field = re.split(r"\[", problem.field, maxsplit=1)[0]
    if proposal is not None:
        for question in proposal.questions:
            if question.fills and (question.fills == field or field.startswith(question.fills + ".")):
                return f"{problem.text()} (form: «{question.label[lang]}»)"
    return problem.text()


def _write_plain_file(path: Path, text: str) -> None:
    """Write `path`, refusing to follow a symbolic link put there meanwhile."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(path, flags, 0o644), "w", encoding="utf-8") as handle:
        handle.write(text)


def _project_rules(layout: project.Layout, bodies: list[tuple[str, str]]) -> case_schema.CaseRules:
    """The case rules of the layout's themes and topics; BodyError when those files have problems."""
    rules, problems = case_schema.read_rules(layout.themes_file, layout.topics_file, layout.root)
    if rules is None:
        raise BodyError(
            ", ".join(where for where, _ in bodies),
            [problem.text() for problem in problems],
            "The bodies are not at fault: fix the project's themes or topics (scripts/check lists the same problems), then run this again.",
        )
    return rules


def convert(
    bodies: list[tuple[str, str]],
    layout: project.Layout,
    case_id: str | None = None,
    today: datetime.date | None = None,
    force: bool = False,
) -> tuple[list[Path], list, list[str]]:
    """Parse, write into a scratch copy, check with the core; write for real when clean (or forced).

    Returns (written paths, problems of the check, messages); raises BodyError for a malformed body.
    """
    rules, strings_by_lang = _project_rules(layout, bodies), strings.load(layout.strings_dir)
    proposals, errors = [], []
    for where, body in bodies:
        try:
            proposals.append(parse(body, rules, where, strings_by_lang))
        except BodyError as problem:
            errors.append(problem)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise BodyError(", ".join(e.where for e in errors), [f"{e.where}: {p}" for e in errors for p in e.problems], errors[0].hint)
    langs = [p.lang for p in proposals]
    if len(set(langs)) != len(langs):
        raise BodyError(
            ", ".join(p.where for p in proposals), ["two bodies are in the same language: give one body per language of the case"]
        )
    case_id, problems = _case_id(proposals, case_id)
    if problems:
        raise BodyError(", ".join(p.where for p in proposals), problems)
    today = today or datetime.date.today()
    texts = {p.lang: case_text(p, case_id, today, rules, strings_by_lang) for p in proposals}
    targets = {lang: layout.cases_dir / f"{case_id}.{lang}.md" for lang in texts}
    linked = [
        paths.relative(t, layout.root)
        for t in targets.values()
        if t.is_symlink() or (t.parent.exists() and t.parent.resolve() != layout.cases_dir.resolve())
    ]
    if linked:
        # A link could point anywhere on the maintainer's disk: never write through one.
        raise BodyError(
            ", ".join(p.where for p in proposals),
            [
                f"{', '.join(linked)} is a symbolic link or lies outside good_practices/: case files must be plain files there; remove the link"
            ],
        )
    taken = [paths.relative(t, layout.root) for t in targets.values() if t.exists()]
    if taken and not force:
        raise BodyError(
            ", ".join(p.where for p in proposals),
            [f"{', '.join(taken)} already exists: choose another id with --id, or --force to replace it"],
        )
    with tempfile.TemporaryDirectory() as scratch:
        scratch_cases = Path(scratch) / "good_practices"
        scratch_cases.mkdir()
        for lang in LANGUAGES:
            existing = layout.cases_dir / f"{case_id}.{lang}.md"
            if lang in texts:
                (scratch_cases / existing.name).write_text(texts[lang], encoding="utf-8")
            elif existing.exists():  # the published other language: the pair rules apply
                shutil.copy(existing, scratch_cases / existing.name)
        # The case rules only: the data files are the project's, checked by scripts/check.
        report = project.Report(themes=list(rules.themes), topics=list(rules.topics), case_rules=rules)
        project.check_cases(project.Layout(root=Path(scratch), themes_file=layout.themes_file, strings_dir=layout.strings_dir), report)
        report.problems.sort(key=lambda p: (p.path, p.line, p.field))
    by_lang = {p.lang: p for p in proposals}
    messages = [_labelled(p, by_lang) for p in report.problems]
    written = []
    if not report.errors or force:
        for lang, text in texts.items():
            targets[lang].parent.mkdir(parents=True, exist_ok=True)
            _write_plain_file(targets[lang], text)
            written.append(targets[lang])
    return written, report.problems, messages


def main(argv=None, stdin=None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/case-from-issue", description="Turn submitted case issue forms into case files in good_practices/."
    )
    parser.add_argument(
        "bodies",
        nargs="*",
        default=["-"],
        help="files holding an issue body each, one per language of the case ('-' or none: standard input)",
    )
    parser.add_argument("--id", dest="case_id", help="the case id, when the form's answer is empty or must change")
    parser.add_argument("--date", type=datetime.date.fromisoformat, help="the 'reviewed' date (default: today), YYYY-MM-DD")
    parser.add_argument("--force", action="store_true", help="replace existing files, and write even when the check finds problems")
    parser.add_argument("--root", type=Path, default=None, help="project folder (default: this repository)")
    args = parser.parse_args(argv)
    layout = project.Layout() if args.root is None else project.Layout(root=args.root.resolve())
    stdin = stdin or sys.stdin
    bodies = []
    for name in args.bodies:
        try:
            bodies.append(("<stdin>", stdin.read()) if name == "-" else (name, Path(name).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"case-from-issue: cannot read {name}: {exc}", file=sys.stderr)
            return 1
    try:
        written, problems, messages = convert(bodies, layout, args.case_id, args.date, args.force)
    except BodyError as error:
        print(f"case-from-issue: cannot make a case from {error.where}:", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        print(f"Nothing was written. {error.hint}".rstrip(), file=sys.stderr)
        return 1
    for message in messages:
        print(message)
    errors = [p for p in problems if p.severity == "error"]
    for path in written:
        print(f"created {paths.relative(path, layout.root)}")
    if errors:
        print(
            ("Written anyway (--force): fix" if written else "Nothing was written: fix")
            + " the problems above in the issue or with --force by hand, then run scripts/check."
        )
        return 1
    print("Next: read the files against their sources, run scripts/check, and open a pull request that says 'Closes #<issue>'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
