#!/usr/bin/env bash
# Die zwei Bilder der README neu aufnehmen: die Startseite am Desktop (1280 × 900) und eine
# Maßnahme auf dem Telefon (390 × 844), aus einem frischen Bau der mitgelieferten Daten.
# Schreibt docs/bilder/startseite-desktop.png und docs/bilder/massnahme-telefon.png.
# Braucht Chromium (/usr/bin/chromium; Debian: sudo apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 315532800) \
  .venv/bin/strategie build --out "$site/site" >/dev/null
# The first measure from a public source (not a Beispielmaßnahme), else the first one.
measure=$(.venv/bin/python - <<'PY'
from pathlib import Path
from generator.check.validate import load_strategy
strategy, _ = load_strategy(Path("strategy"))
measures = sorted(strategy.massnahmen, key=lambda m: m.id) if strategy else []
real = [m for m in measures if not m.beispielmassnahme] or measures
print(real[0].id if real else "")
PY
)
.venv/bin/python tests/browser/screenshots.py docs/bilder --site "$site/site" --readme \
  ${measure:+--massnahme "$measure"}
