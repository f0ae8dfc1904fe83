#!/usr/bin/env bash
# Copy the front-end packages installed by npm (package-lock.json) into build/static/vendor,
# where Django's static files finder serves them.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/static/vendor
rm -rf "$out"
mkdir -p "$out/ontario" "$out/js"
cp -r node_modules/@ongov/ontario-design-system-global-styles/dist/styles "$out/ontario/"
cp -r node_modules/@ongov/ontario-design-system-global-styles/dist/fonts "$out/ontario/"
cp -r node_modules/@ongov/ontario-design-system-global-styles/dist/favicons "$out/ontario/"
rm -rf "$out/ontario/styles/scss"
cp node_modules/htmx.org/dist/htmx.min.js "$out/js/htmx.min.js"
cp node_modules/vega/build/vega.min.js "$out/js/vega.min.js"
cp node_modules/vega-lite/build/vega-lite.min.js "$out/js/vega-lite.min.js"
cp node_modules/vega-embed/build/vega-embed.min.js "$out/js/vega-embed.min.js"
mkdir -p build/test-assets
cp node_modules/axe-core/axe.min.js build/test-assets/axe.min.js
