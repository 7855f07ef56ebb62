#!/usr/bin/env bash
# Soak and fault run of the packaged service (by hand, not in CI): POST /api/v1/predict for DURATION seconds at
# 80 % of the capacity measured first, with the database restarted (immediate mode, as a crash) half-way.
# Prints the answers by status, the heap each minute, and the rows stored against the 2xx answers; exits 1 when
# a 2xx has no row (data lost), a row has no 2xx (a client was told it failed when it did not: the ambiguity
# idempotency keys exist for) or any answer was a 500.
#   bench/soak.sh                         (10 minutes)
#   DURATION=120 RATE=300 bench/soak.sh   (two minutes at 300 requests/s, no capacity measurement)
# Needs what bench/run.sh needs (wrk, psql, a JDK 21+, the jar) and a PostgreSQL at PGHOST:PGPORT that may be
# restarted: RESTART (default: pg_ctlcluster … main restart -m immediate for the newest local cluster) is run
# half-way. Do not run it where anything else uses that PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=${JAR:-bootstrap/target/mlledger.jar}
port=${PORT:-18090}
duration=${DURATION:-600}
database=mlledger_soak
[ -f "$jar" ] || { echo "no jar $jar; build it first: ./mvnw -q package -DskipTests" >&2; exit 1; }
if [ -z "${RESTART:-}" ] && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
  RESTART="pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | sort -V | tail -n 1) main restart -m immediate"
fi
[ -n "${RESTART:-}" ] || { echo "set RESTART to a command that restarts the database at $PGHOST:$PGPORT" >&2; exit 1; }

service_pid=""
cleanup() {
  [ -n "$service_pid" ] && { kill -TERM "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; }
  [ "${KEEP_DB:-0}" = 1 ] || psql -qd postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -qd postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null
# the service is secured: seed a known admin token, which Soak.java and the wrk scripts send
export MLLEDGER_SECURITY_ADMIN_TOKEN=${MLLEDGER_SECURITY_ADMIN_TOKEN:-mll_soak-admin-token-of-the-mlledger-soak-tests}
export MLLEDGER_TOKEN=$MLLEDGER_SECURITY_ADMIN_TOKEN
DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" DATASOURCES_DEFAULT_USERNAME="$PGUSER" \
  "$java_bin" ${JVM_OPTS:-} -jar "$jar" -micronaut.server.port="$port" > /tmp/mlledger-soak-service.log 2>&1 &
service_pid=$!
until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
  kill -0 "$service_pid" 2>/dev/null || { echo "service exited; see /tmp/mlledger-soak-service.log" >&2; exit 1; }
  sleep 0.2
done
auth=(-H "Authorization: Bearer $MLLEDGER_SECURITY_ADMIN_TOKEN")

if [ -z "${RATE:-}" ]; then
  echo "measuring capacity: wrk, 32 connections, 15 s after 10 s of warm-up"
  wrk -t2 -c32 -d10s "${auth[@]}" -s bench/predict.lua "http://127.0.0.1:$port" > /dev/null
  capacity=$(wrk -t2 -c32 -d15s "${auth[@]}" -s bench/predict.lua "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print $2}')
  RATE=$(awk -v c="$capacity" 'BEGIN {printf "%.0f", c * 0.8}')
  echo "capacity $capacity requests/s; soaking at 80 %: $RATE requests/s"
fi
before=$(psql -Atqd "$database" -c 'SELECT count(*) FROM predictions')

echo "soak: $duration s at $RATE requests/s, restart half-way: $RESTART"
"$java_bin" bench/Soak.java "http://127.0.0.1:$port" "$RATE" "$duration" "$RESTART" | tee /tmp/mlledger-soak.out
answered=$(awk '/^answered-2xx/ {print $2}' /tmp/mlledger-soak.out)
sleep 2
rows=$(( $(psql -Atqd "$database" -c 'SELECT count(*) FROM predictions') - before ))
echo "rows stored during the soak: $rows; 2xx answers: $answered"
status=0
[ "$rows" = "$answered" ] || { echo "MISMATCH: rows and 2xx answers differ by $(( rows - answered ))"; status=1; }
if grep -qE '[{ ]500=' /tmp/mlledger-soak.out; then echo "FAIL: some answers were 500"; status=1; fi
echo "service log: /tmp/mlledger-soak-service.log ($(grep -c ' ERROR ' /tmp/mlledger-soak-service.log || true) ERROR lines)"
exit $status
