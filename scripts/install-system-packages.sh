#!/usr/bin/env bash
# Debian packages careerlens needs and a fresh machine may lack: gettext (to compile the French
# catalogue), Pango and fonts (WeasyPrint's PDFs) and, for the test suite, Chromium and PostgreSQL.
# Installs only what is missing.
set -euo pipefail
want=()
command -v msgfmt >/dev/null 2>&1 || want+=(gettext)
ldconfig -p | grep -q "libpangoft2-1.0.so.0" || want+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -d /usr/share/fonts/truetype/dejavu ] || want+=(fonts-dejavu-core)
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null 2>&1 || want+=(chromium)
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
    want+=(postgresql)
  fi
fi
[ ${#want[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${want[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
