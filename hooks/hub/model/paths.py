"""Where things are in the repository."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
HUB = Path(__file__).resolve().parents[1]
DATA = HUB / "data"
SCHEMAS = HUB / "schemas"
THEMES_FILE = DATA / "themes.yml"
TOPICS_FILE = DATA / "topics.yml"
STRINGS_DIR = DATA / "strings"


def relative(path: Path, root: Path = REPO) -> str:
    """A repository-relative path with forward slashes, as problems print it."""
    path = Path(path)
    try:
        return path.relative_to(root).as_posix()  # the common case, without touching the disk
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return path.as_posix()
