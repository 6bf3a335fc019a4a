#!/usr/bin/env bash
# Runs the API tests against a throwaway PostgreSQL cluster: initdb in a temporary folder, a free
# local port, removed afterwards. initdb refuses to run as root, so as root it runs as 'postgres'.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "PostgreSQL ontbreekt: installeren met apt (postgresql)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "PostgreSQL ontbreekt. Installeer het met: sudo apt-get install postgresql" >&2
    exit 1
  fi
fi

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

dir=$(mktemp -d /tmp/casustafel-pg.XXXXXX)
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
[ "$(id -u)" = 0 ] && chown postgres "$dir"
cleanup() {
  as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_owner "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null

echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') op poort $port: API-tests"
rm -rf tmp/test-results-pg && mkdir -p tmp/test-results-pg
status=0
# The write-route fuzzer sends 500 bodies per route here (2,000 under npm test): enough to catch what
# only PostgreSQL refuses, in a quarter of the time. FUZZ_RUNS=2000 npm run test:pg for the full run.
# TZ=UTC here, TZ=America/New_York under npm test: times are Amsterdam times whatever the server's zone.
TZ=UTC TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" FUZZ_RUNS="${FUZZ_RUNS:-500}" \
  npx jest -c api/jest.config.cjs --selectProjects api --runInBand \
  --json --outputFile=tmp/test-results-pg/api.json "$@" || status=$?
node scripts/test-summary.mjs tmp/test-results-pg
exit $status
