#!/usr/bin/env bash
# Creates .venv with the exact versions from requirements.lock (idempotent: reinstalls only when
# the lock file or pyproject.toml changed). Used by build.sh, test.sh and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=.venv/.installed
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "Richte die Python-Umgebung in .venv ein …" >&2
python3 -m venv .venv
# The machine's pip configuration may list local mirrors that do not exist; those notes are noise.
quiet_pip() { .venv/bin/pip "$@" --quiet --disable-pip-version-check 2> >(grep -v '^WARNING: Location' >&2); }
quiet_pip install -r requirements.lock
quiet_pip install --no-deps --no-build-isolation -e .
echo "$want" > "$stamp"
