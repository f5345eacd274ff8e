#!/usr/bin/env bash
# Create .venv/ and install storytrace with pinned dependencies. `--test` adds the test tools and,
# when run as root, Debian's chromium for the browser tests. Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1
python=${PYTHON:-python3}

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" setuptools==80.9.0
"${pip[@]}" -r requirements/runtime.txt
"${pip[@]}" --no-deps -r requirements/no-deps.txt
if [ "$want_tests" = 1 ]; then
  "${pip[@]}" -r requirements/test.txt
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "installing Debian chromium for the browser tests"
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "note: chromium is not installed and this is not root; browser tests will be skipped" >&2
    fi
  fi
fi
"${pip[@]}" --no-deps --no-build-isolation -e .
