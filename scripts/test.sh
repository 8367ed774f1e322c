#!/usr/bin/env bash
# Runs every check of the project: lint, types, unit/golden/property tests, build and browser
# tests. Sets up .venv itself. Browser tests need Debian's chromium (/usr/bin/chromium); with
# CI=true they fail when it is missing, elsewhere they are reported as skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff (Stil) ==" && ruff check generator tests && ruff format --check generator tests
echo "== mypy (Typen) ==" && mypy
echo "== pytest ==" && python -m pytest "$@"
