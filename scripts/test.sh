#!/usr/bin/env bash
# Runs every check of the project: lint, types, unit/golden/property tests, build and browser
# tests. Sets up .venv itself. Browser tests need Debian's chromium (/usr/bin/chromium), the HTML
# check Java and npm: run as root, this script installs what is missing; otherwise it stops with
# the exact command. The browser tests never skip here (CI=true): a missing browser fails.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installiere, was die Browser-Tests brauchen: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    echo "Für die Browser-Tests fehlt: ${missing[*]}. Bitte installieren und neu starten:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi
export CI="${CI:-true}"
bash scripts/setup.sh
# The Nu HTML checker for tests/browser/test_html_valid.py: vnu-jar, pinned in package-lock.json.
# Needs npm and Java (Debian: apt-get install default-jre-headless nodejs npm); without them the
# check is reported as skipped, and fails in CI.
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  if command -v npm >/dev/null 2>&1; then
    npm ci --ignore-scripts --no-audit --no-fund
  else
    echo "npm fehlt / is missing: apt-get install default-jre-headless nodejs npm && npm ci --ignore-scripts" >&2
    if [ -n "${CI:-}" ]; then exit 1; fi
  fi
fi
export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff (Stil) ==" && ruff check generator tests benchmarks \
  && ruff format --check generator tests benchmarks
# The benchmark scripts import each other as top-level modules (benchmarks/ is no package).
echo "== mypy (Typen) ==" && mypy && MYPYPATH=benchmarks mypy --strict benchmarks/*.py
echo "== import-linter (Schichten) ==" && lint-imports
echo "== pytest ==" && python -m pytest "$@"
