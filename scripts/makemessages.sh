#!/usr/bin/env bash
# Refresh the French catalogues: one per app (src/careerlens/<app>/locale) and one for the project's
# own strings outside apps (config, api: src/careerlens/locale). Translate, then `make test` checks them.
set -euo pipefail
cd "$(dirname "$0")/../src/careerlens"
CL=../../.venv/bin/careerlens
export DEBUG=${DEBUG:-true}
apps=()
for app in */apps.py; do
  app=${app%/apps.py}
  apps+=("$app")
  mkdir -p "$app/locale"
  (cd "$app" && ../$CL makemessages -l fr --no-location --no-obsolete -v 0)
done
ignores=()
for app in "${apps[@]}"; do ignores+=(--ignore "$app/*"); done
ignores+=(--ignore "analytics/*")
mkdir -p locale
$CL makemessages -l fr --no-location --no-obsolete -v 0 "${ignores[@]}"
echo "Catalogues refreshed; untranslated entries:"
find . -name django.po -exec msgattrib --untranslated --no-obsolete {} \; | grep -c '^msgid' || true
