"""Templates of one-file entries (networks/_template.yml, events/_template.yml), from their schemas.

Each field is shown with its help in both languages and its example, so a
contributor copies the file, renames it to <id>.yml and fills it in; the
comments always match the validator's rules because both come from the schema.
"""

from __future__ import annotations

from . import event_schema, network_schema, paths
from .languages import LANGUAGES
from .schema import Group

HEADER = {
    "en": "Template: copy this file to {folder}/<id>.yml, fill it in, then run scripts/check. Lines starting with # explain; delete them when done.",
    "ar": "قالب: انسخوا هذا الملف إلى {folder}/<id>.yml واملؤوه ثم شغّلوا scripts/check. الأسطر التي تبدأ بالعلامة # شروح، احذفوها عند الانتهاء.",
}
NEED = {True: {"en": "Required.", "ar": "إلزامي."}, False: {"en": "Optional.", "ar": "اختياري."}}


def template(schema: Group, folder: str, schema_file: str) -> str:
    lines = [f"# yaml-language-server: $schema=../hooks/hub/schemas/{schema_file}"]
    lines += ["# " + HEADER[lang].format(folder=folder) for lang in LANGUAGES]
    for field in schema.fields:
        lines.append("")
        lines += [f"# {NEED[field.required][lang]} {field.help[lang]}" for lang in LANGUAGES if lang in field.help]
        lines.append(f"{'' if field.required else '# '}{field.name}: {field.example or chr(34) * 2}")
    return "\n".join(lines) + "\n"


def files() -> dict:
    """{path: text} of the entry templates."""
    return {
        paths.REPO / "networks" / "_template.yml": template(network_schema.network_schema(network_schema.load_vocabulary()), "networks", "network.schema.json"),
        paths.REPO / "events" / "_template.yml": template(event_schema.event_schema(), "events", "event.schema.json"),
    }
