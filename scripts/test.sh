#!/usr/bin/env bash
# npm test: lint, translation and type checks, unit tests, client component tests (Angular's unit-test builder:
# Vitest in jsdom, Material harnesses), the icon font check, API tests (real app, in-memory SQLite), e2e tests
# (Playwright in Debian's Chromium against the built app). Installs the system packages it needs
# (Chromium; pdftotext and qpdf for the PDF tests; LibreOffice Calc without GUI, which the CSV-injection test
# opens the actions export in) when run as root; otherwise says what to install. Ends with one line
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== Systeempakketten installeren: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" fonts-dejavu-core >/dev/null || exit 1
  else
    echo "Ontbrekende systeempakketten: ${missing[*]}. Installeer ze met: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

rm -rf tmp/test-results && mkdir -p tmp/test-results
failed_stages=()
stage() {
  local name=$1
  shift
  echo
  echo "== $name"
  "$@" || failed_stages+=("$name")
}

stage "format" npx prettier --check .
stage "lint" npx nx run-many -t lint --output-style=static
stage "translations" node scripts/check-i18n.mjs
stage "typecheck" npx nx run-many -t typecheck --output-style=static
# Unit and API tests run in a zone other than Amsterdam's (npm run test:pg uses UTC): every time the
# API computes must be Amsterdam time whatever the server's TZ (ADR 0017).
stage "unit tests" env TZ=America/New_York npx nx run api:test --output-style=static --skip-nx-cache
stage "component tests" env TZ=America/New_York npx nx run client:test --output-style=static --skip-nx-cache
# The build tools: every icon a template uses is in the cut-down icon font (ADR 0025; npm run icons after a new one),
# the login form without Angular (ADR 0032) in jsdom.
stage "build tools" npx nx run client:test-tools --output-style=static
stage "API tests" env TZ=America/New_York npx nx run api:test-api --output-style=static
stage "e2e tests" npx nx run e2e:e2e --output-style=static

echo
node scripts/test-summary.mjs tmp/test-results
if [ ${#failed_stages[@]} -gt 0 ]; then
  echo "Mislukt: ${failed_stages[*]}" >&2
  exit 1
fi
