#!/usr/bin/env bash
# Builds the website from the bundled data into site/ (and, with --offline, the offline zip).
# Sets up .venv itself; arguments are passed on to `strategie build`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/strategie build "$@"
