#!/usr/bin/env bash
# Lighthouse (desktop) on the start page, a measure, the catalogue and the Auswertung of the
# online build, served at its SITE_URL as published (instant navigation on). Reports the
# scores for Accessibility, Best Practices, Performance and SEO per page; asserts nothing.
#
#   bash benchmarks/lighthouse.sh [PORT]
#
# Installs Lighthouse 12.2.3 (newer versions need Node 22) with npm into
# benchmarks/.lighthouse/ (git-ignored) on first use; needs Node 18+, npm and Debian's
# Chromium (/usr/bin/chromium). The reports (HTML and JSON) are left in
# benchmarks/.lighthouse/berichte/.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8765}
tools=benchmarks/.lighthouse
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --save-exact --no-audit --no-fund --loglevel=error lighthouse@12.2.3
fi
bash scripts/setup.sh
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
url="http://127.0.0.1:$port/"
SITE_URL=$url SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 315532800) \
  .venv/bin/strategie build --out "$work/site" >/dev/null
.venv/bin/python -m http.server --bind 127.0.0.1 --directory "$work/site" "$port" \
  >/dev/null 2>&1 &
server=$!
sleep 1
measure=$(cd "$work/site/massnahmen" && ls ./*.html | head -1)
mkdir -p "$tools/berichte"
printf '%-32s %14s %14s %12s %5s\n' Seite Barrierefrei "Best Practices" Performance SEO
for page in index.html "massnahmen/${measure#./}" katalog.html auswertung/index.html; do
  name=$(echo "$page" | tr '/.' '--')
  CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "$url$page" \
    --preset=desktop --quiet --output=json --output=html \
    --output-path="$tools/berichte/$name" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null
  python3 - "$tools/berichte/$name.report.json" "$page" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
score = {key: round(100 * (value["score"] or 0)) for key, value in report["categories"].items()}
print(f"{sys.argv[2]:<32} {score['accessibility']:>14} {score['best-practices']:>14} "
      f"{score['performance']:>12} {score['seo']:>5}")
for key in ("accessibility", "best-practices"):
    for ref in report["categories"][key]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"    {key}: {audit['id']} – {audit['title']}")
PY
done
