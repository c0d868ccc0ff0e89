"""Two builds of the same commit produce byte-identical site/ trees."""

from __future__ import annotations

import hashlib

import pytest

from helpers import REPO, build


def digest_tree(root):
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow  # two builds of the real site
def test_two_builds_are_byte_identical(tmp_path):
    env = {"SITE_URL": "https://hub.test/", "SOURCE_DATE_EPOCH": "1764115200"}
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        result = build(REPO, out, env=env)
        assert result.returncode == 0, result.stderr
    one, two = digest_tree(first), digest_tree(second)
    assert len(one) > 50
    assert one == two
