# Shared set-up for the scripts in this folder (sourced, not run).
# Creates .venv from the pinned requirements when missing or when the
# requirement files changed, so every command works on a fresh clone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
export NO_MKDOCS_2_WARNING=1
export PYTHONPATH="$ROOT/hooks${PYTHONPATH:+:$PYTHONPATH}"

ensure_python() {
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3 python3-venv
    else
      echo "Python 3.11 with venv is needed: install python3 and python3-venv" >&2
      exit 1
    fi
  fi
}

# ensure_venv FILE: install FILE's pinned packages into .venv if not done yet.
ensure_venv() {
  local requirements="$ROOT/$1"
  local stamp="$VENV/.installed-$(basename "$1")"
  if [ ! -x "$PY" ]; then
    ensure_python
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || ! cmp -s <(cat "$ROOT"/requirements*.txt) "$stamp"; then
    "$PY" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    cat "$ROOT"/requirements*.txt > "$stamp"
  fi
}
