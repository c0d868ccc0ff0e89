"""Where things are in the repository."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
SCHEMAS = Path(__file__).resolve().parent / "schemas"
THEMES_FILE = DATA / "themes.yml"
STRINGS_DIR = DATA / "strings"


def relative(path: Path, root: Path = REPO) -> str:
    """A repository-relative path with forward slashes, as problems print it."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
