#!/usr/bin/env bash
# Set up .venv/ with the test tools and run every test (unit, golden, gold-scored, browser, property).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/python -m pytest -q "$@"
