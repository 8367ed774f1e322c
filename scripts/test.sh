#!/usr/bin/env bash
# Runs every check of the project: lint, types, unit/golden/property tests, build and browser
# tests. Sets up .venv itself. Browser tests need Debian's chromium (/usr/bin/chromium); with
# CI=true they fail when it is missing, elsewhere they are reported as skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff (Stil) ==" && ruff check generator tests benchmarks \
  && ruff format --check generator tests benchmarks
# The benchmark scripts import each other as top-level modules (benchmarks/ is no package).
echo "== mypy (Typen) ==" && mypy && MYPYPATH=benchmarks mypy --strict benchmarks/*.py
echo "== import-linter (Schichten) ==" && lint-imports
echo "== pytest ==" && python -m pytest "$@"
