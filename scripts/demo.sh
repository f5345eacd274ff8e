#!/usr/bin/env bash
# Set up .venv/ and analyse the sample story into out/ (dossier.json, report.md, report.html).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/storytrace analyze examples/putin-veto --out out
.venv/bin/storytrace evaluate out/dossier.json examples/putin-veto/gold.yaml
