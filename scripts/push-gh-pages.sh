#!/usr/bin/env bash
# Pushes the gh-pages branch that `strategie veroeffentlichen` (mike) committed locally, used by
# the publishing workflows. Arguments: those of `strategie veroeffentlichen` (without --push),
# to redo the publication when the push is rejected.
#
# Why a loop: every publication (an edition tag, the preview from main) adds one commit to
# gh-pages. The workflows queue per tag, so no publication is ever dropped from a queue, but two
# of them may run at the same time; the later push is then rejected (not a fast-forward). Instead
# of failing, it takes the other run's gh-pages, lets mike add its version on top again, and
# retries. Nothing is force-pushed, so no published version is ever lost.
#
# The write token comes in PUSH_TOKEN and reaches git only as a one-off `-c` option: it is never
# stored in .git/config and never seen by the build (mike, MkDocs, the generator).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PUSH_TOKEN:?PUSH_TOKEN fehlt: der Schritt braucht das Token zum Hochladen.}"
credential=$(printf 'x-access-token:%s' "${PUSH_TOKEN}" | base64 -w0)
echo "::add-mask::${credential}" # GitHub masks the token, but not its base64 form
header="AUTHORIZATION: basic ${credential}"
with_token() { git -c "http.https://github.com/.extraheader=${header}" "$@"; }
for attempt in 1 2 3 4 5; do
  if with_token push origin gh-pages:gh-pages; then
    exit 0
  fi
  echo "gh-pages wurde inzwischen von einer anderen Veröffentlichung geändert (Versuch ${attempt});" \
    "die Version wird auf dem neuen Stand noch einmal abgelegt." >&2
  sleep $((attempt * ${PUSH_RETRY_SECONDS:-10}))
  with_token fetch --no-tags origin gh-pages
  git branch --force gh-pages origin/gh-pages
  PUSH_TOKEN="" .venv/bin/strategie veroeffentlichen "$@"
done
echo "gh-pages ließ sich nach 5 Versuchen nicht hochladen; bitte den Ablauf neu starten." >&2
exit 1
