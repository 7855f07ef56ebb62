#!/usr/bin/env bash
# Measures start-to-healthy time and resident memory of the packaged service.
#   bench/startup.sh embedded   # no database URL: embedded PostgreSQL in a fresh temp directory, then a restart
#   bench/startup.sh external   # DATASOURCES_DEFAULT_URL must be set (and _USERNAME/_PASSWORD)
# Needs: bootstrap/target/mlledger.jar (./mvnw -q package -DskipTests), curl, a JDK 21+ as `java` or JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-embedded}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=${PORT:-18080}
jar=bootstrap/target/mlledger.jar
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -q package -DskipTests" >&2; exit 1; }

now_ms() { date +%s%3N; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
postgres_rss_kb() { # the embedded postgres (detached from the JVM) and its backends, found by data directory
  local dir=$1 total=0 pid main
  main=$(pgrep -f "bin/postgres -D $dir" | head -n 1 || true)
  [ -n "$main" ] || { echo 0; return; }
  for pid in $main $(pgrep -P "$main" || true); do
    total=$((total + $(rss_kb "$pid" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

run_once() {
  local label=$1 data_dir=$2; shift 2
  local start; start=$(now_ms)
  "$java_bin" -jar "$jar" -micronaut.server.port="$port" "$@" > "/tmp/mlledger-startup-$label.log" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "service exited; see /tmp/mlledger-startup-$label.log" >&2; exit 1; }
    sleep 0.05
  done
  local healthy; healthy=$(now_ms)
  sleep 2
  local pg_rss=0
  [ -n "$data_dir" ] && pg_rss=$(postgres_rss_kb "$data_dir")
  printf '%-22s start-to-healthy %5d ms   JVM RSS %4d MiB   embedded PostgreSQL RSS %4d MiB\n' "$label" \
    $((healthy - start)) $(( $(rss_kb "$pid") / 1024 )) $(( pg_rss / 1024 ))
  kill -TERM "$pid"; wait "$pid" || true
}

case "$mode" in
  embedded)
    unset DATASOURCES_DEFAULT_URL DATASOURCES_DEFAULT_USERNAME DATASOURCES_DEFAULT_PASSWORD
    dir=$(mktemp -d)
    run_once embedded-first-start "$dir/pgdata" -mlledger.embedded-db.dir="$dir/pgdata"
    run_once embedded-restart "$dir/pgdata" -mlledger.embedded-db.dir="$dir/pgdata"
    rm -rf "$dir"
    ;;
  external)
    : "${DATASOURCES_DEFAULT_URL:?set DATASOURCES_DEFAULT_URL}"
    run_once external ""
    ;;
  *) echo "usage: $0 embedded|external" >&2; exit 2 ;;
esac
