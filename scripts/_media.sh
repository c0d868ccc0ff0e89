# Shared set-up of the seed-media scripts (sourced, not run): the Python
# environment with Playwright, plus Debian's eSpeak NG, FFmpeg, Chromium and
# Noto fonts, installed when missing (as root) or asked for. The build and the
# tests never need eSpeak NG or FFmpeg.
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
ensure_venv requirements-test.txt

ensure_media_tools() {
  local missing=()
  command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
  command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "Missing Debian packages: ${missing[*]}. Run as root, or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
}
