#!/usr/bin/env bash
# Prüft, dass die Testsuite nicht an den mitgelieferten Daten hängt: Eine Kopie des Projekts
# (ein frisches Git-Repository aus dem aktuellen Arbeitsstand) bekommt in strategy/ die
# Strategie einer anderen Stadt; dann laufen dort „strategie check --strict“ und alle Tests
# außer den Browsertests.
#
# Aufruf: bash scripts/test-andere-stadt.sh [STRATEGIEORDNER] [weitere pytest-Argumente …]
#   STRATEGIEORDNER  Ordner mit strategie.yml, leitthemen/, massnahmen/, verzeichnisse/
#                    (Standard: tests/data/minimal)
# Beispiel: bash scripts/test-andere-stadt.sh tests/data/zweitstadt -x -q
#
# Wie eine Stadt nach dem Einsetzen ihrer Daten (docs/neue-stadt-einrichten.md) erzeugt das
# Skript, was aus den Daten folgt: die JSON-Schemas (wenn der Ordner keine mitbringt), die
# Dateien in .github/, die „strategie init“ aus den Daten schreibt (Themenliste, CODEOWNERS …),
# und mit „strategie feldreferenz“ die Tabellen der erlaubten Werte in CONTRIBUTING.md.
# Braucht .venv (bash scripts/setup.sh) und git.
set -euo pipefail
# Alles in einem Block: bash liest ihn ganz, bevor er läuft, sodass eine Änderung am Skript
# während eines langen Laufs diesen nicht stört.
{
cd "$(dirname "$0")/.."
REPO="$PWD"
PYTHON="$REPO/.venv/bin/python"
if [ ! -x "$PYTHON" ]; then
  echo "test-andere-stadt: .venv fehlt; zuerst „bash scripts/setup.sh“ ausführen." >&2
  exit 2
fi

ORDNER="tests/data/minimal"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  ORDNER="$1"
  shift
fi
if [ ! -f "$ORDNER/strategie.yml" ]; then
  echo "test-andere-stadt: „$ORDNER“ ist kein Strategieordner (strategie.yml fehlt)." >&2
  exit 2
fi
ORDNER="$(cd "$ORDNER" && pwd)"

ARBEIT="$(mktemp -d "${TMPDIR:-/tmp}/andere-stadt.XXXXXX")"
trap 'rm -rf "$ARBEIT"' EXIT
PROJEKT="$ARBEIT/projekt"
mkdir "$PROJEKT"

echo "== Andere Stadt: Projektkopie in $PROJEKT, Daten aus $ORDNER =="
# Der Arbeitsstand (verfolgte und neue, nicht ignorierte Dateien), auch nicht committete
# Änderungen, ohne .venv, node_modules und erzeugte Ausgaben.
git ls-files -z --cached --others --exclude-standard \
  | (cd "$REPO" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) \
  | tar -C "$REPO" --null -T - -cf - \
  | tar -C "$PROJEKT" -xf -
rm -rf "$PROJEKT/strategy"
cp -R "$ORDNER" "$PROJEKT/strategy"

cd "$PROJEKT"
# Der Code der Kopie, nicht der des Projekts (.venv verweist mit seiner Installation darauf).
export PYTHONPATH="$PROJEKT"
strategie() { "$PYTHON" -m generator --projekt "$PROJEKT" "$@"; }

if [ ! -d strategy/schemas ]; then
  strategie schemas
fi
# Die Dateien in .github/, die „strategie init“ aus den Daten schreibt.
"$PYTHON" - <<'PY'
from pathlib import Path

from generator.check.validate import load_strategy
from generator.editing.github_files import github_files

project = Path.cwd()
strategy, problems = load_strategy(project / "strategy")
if strategy is None:
    raise SystemExit("test-andere-stadt: Die Daten sind nicht gültig; siehe strategie check.")
for path, text in github_files(strategy, project).items():
    target = project.joinpath(*path.parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", newline="\n")
PY
# Die Tabellen der erlaubten Werte in CONTRIBUTING.md (Status, Akteure … dieser Stadt).
strategie feldreferenz
strategie check --strict

# Ein frisches Repository mit einem Commit, wie es eine neue Stadt anlegt.
git init -q -b main
git add -A
git -c user.name="Andere Stadt" -c user.email="andere-stadt@example.org" \
  commit -q -m "Strategie einer anderen Stadt"

echo "== Andere Stadt: pytest ohne Browsertests =="
START=$SECONDS
STATUS=0
"$PYTHON" -m pytest -p no:cacheprovider --ignore=tests/browser -m "not browser" "$@" || STATUS=$?
echo "== Andere Stadt: pytest fertig nach $((SECONDS - START)) s (Rückgabewert $STATUS) =="
exit "$STATUS"
}
