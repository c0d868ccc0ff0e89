"""Property-based: whatever front matter a contributor writes, the validator
answers with clear problems and never with a traceback."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.model import case_schema, content, themes, topics

SCHEMA = case_schema.rules(themes.load(), topics.load()).schema
LINE = re.compile(r"^[^:]+:\d+: (warning: )?[^:]+: .+$")

keys = st.sampled_from([f.name for f in SCHEMA.fields] + ["titel", "Themes", "extra", "sources.url", ""])
scalars = st.one_of(
    st.text(max_size=30),
    st.integers(-10, 3000),
    st.booleans(),
    st.none(),
    st.dates().map(str),
    st.sampled_from(["A", "F", "TN", "tn", "good-practice", "both", "https://x.org", "javascript:alert(1)", "2018-13-45"]),
)
values = st.recursive(
    scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=10
)
front_matters = st.dictionaries(keys, values, max_size=14)


def yaml_text(value, indent=0) -> str:
    """Dump with PyYAML but sometimes break the text, as hands do."""
    import yaml

    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=False, sort_keys=False)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=front_matters, damage=st.sampled_from(["", "\t", ": :", "'", "[", "- - -", "\x00"]), body=st.text(max_size=80))
def test_generated_broken_front_matter_gives_messages_not_tracebacks(tmp_path_factory, front, damage, body):
    folder = tmp_path_factory.mktemp("gen", numbered=True)
    path = folder / "generated.en.md"
    path.write_text("---\n" + yaml_text(front) + damage + "\n---\n" + body, encoding="utf-8")
    item, found = content.read(path, folder)
    if item is not None:
        found += content.check_case(item, SCHEMA)
    for problem in found:
        assert LINE.match(problem.text()), problem.text()
        assert problem.line >= 1
