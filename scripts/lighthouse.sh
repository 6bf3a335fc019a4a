#!/usr/bin/env bash
# Lighthouse (mobile, performance only) on the login page, a case list and a meeting page of a running Casustafel with
# the demo data (npm start, or BASE=http://host:port), signed in as the demo coordinator of Lokaal Zorgnetwerk Noord
# through the session cookie. Not part of npm test: a measurement for docs/performance.md (ADR 0025).
#
# Lighthouse's mobile defaults (simulated slow 4G, 4x CPU slowdown), RUNS runs per page; each line also shows the
# machine's benchmark index (BI): Lighthouse's 4x assumes a machine of about 1,000 or more and warns below that, as a
# busy shared machine is. Lighthouse 12.2.3 (13 needs Node 22) through npx, Debian's Chromium. Reports land in
# tmp/lighthouse/; one line per run on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="${BASE:-http://127.0.0.1:3000}"
RUNS="${RUNS:-3}"
# PAGES: which of login, cases and meeting to measure (all three unless given).
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
OUT=tmp/lighthouse
mkdir -p "$OUT"
jar="$OUT/cookies.txt"

curl -sf -c "$jar" -H 'Content-Type: application/json' \
  -d '{"email":"coordinator.noord@demo.casustafel.nl","password":"Casustafel-demo-2026"}' "$BASE/api/auth/login" >/dev/null
network=$(curl -sf -b "$jar" "$BASE/api/auth/me" | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s).networks[0].id))')
# The statement accepted first: the page as a member sees it every day, not the one-time dialog.
curl -sf -b "$jar" -X POST -H 'Content-Type: application/json' -d '{}' "$BASE/api/networks/$network/confidentiality/accept" >/dev/null
meeting=$(curl -sf -b "$jar" "$BASE/api/networks/$network/meetings" | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s)[0]?.id ?? ""))')
if [ -z "$meeting" ]; then
  meeting=$(curl -sf -b "$jar" -H 'Content-Type: application/json' -d '{"startsAt":"2026-12-03T09:30","durationMinutes":90,"location":"Stadhuis, zaal 2"}' \
    "$BASE/api/networks/$network/meetings" | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s).id))')
  curl -sf -b "$jar" -X POST -H 'Content-Type: application/json' -d '{}' "$BASE/api/meetings/$meeting/agenda/assemble" >/dev/null
fi
session=$(awk '$6 == "casustafel_session" { print $7 }' "$jar")
signedIn="{\"Cookie\":\"casustafel_session=$session\"}"

lighthouse() {
  local url=$1 headers=$2 out=$3 profile
  profile=$(mktemp -d)
  CHROME_PATH="$CHROMIUM" npx --yes lighthouse@12.2.3 "$url" --quiet --only-categories=performance --output=json --output-path="$out" \
    --extra-headers="$headers" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$profile"
  rm -rf "$profile"
}
line() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")), a = r.audits, v = (k) => Math.round(a[k].numericValue);
    console.log([process.argv[2], "score", r.categories.performance.score, "FCP", v("first-contentful-paint"), "LCP", v("largest-contentful-paint"),
      "TBT", v("total-blocking-time"), "CLS", a["cumulative-layout-shift"].numericValue.toFixed(3), "SI", v("speed-index"),
      "bytes", v("total-byte-weight"), "BI", r.environment.benchmarkIndex, "cpu", r.configSettings.throttling.cpuSlowdownMultiplier].join(" "));' "$1" "$2"
}

for page in ${PAGES:-login cases meeting}; do
  case $page in
    login) url="$BASE/inloggen" headers='{}' ;;
    cases) url="$BASE/netwerken/$network/casussen" headers=$signedIn ;;
    meeting) url="$BASE/overleggen/$meeting" headers=$signedIn ;;
  esac
  for i in $(seq 1 "$RUNS"); do
    lighthouse "$url" "$headers" "$OUT/$page-$i.json"
    line "$OUT/$page-$i.json" "$page $i"
  done
done
