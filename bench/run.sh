#!/usr/bin/env bash
# Load benchmarks of the packaged service against a PostgreSQL on this host. Run by hand, not in CI.
#   bench/run.sh predict | batch | analytics | pages | pgbench            (predictions)
#   bench/run.sh predict-vs-pgbench                                        (pgbench, then predict, ROUNDS times)
#   bench/run.sh predict-interleaved      (every jar x variant running at once, measured in turns: TURNS, SLICE)
#   bench/run.sh metrics-batch | history | experiments | runs-search       (experiment tracking)
#   bench/run.sh mlflow-log-batch                                          (MLflow's REST API)
#   bench/run.sh predictions | tracking | all
# Needs: wrk and pgbench/psql (apt-get install wrk postgresql-client), a JDK 21+ (JAVA_HOME or java on PATH),
# the jar (./mvnw -q package -DskipTests), and a PostgreSQL at PGHOST:PGPORT (default 127.0.0.1:5432, user postgres)
# where that user may create databases. Each run uses a fresh database mlledger_bench_<what>, dropped afterwards
# unless KEEP_DB=1. Settings: DURATION (30s), CONNECTIONS (32 for predict), ROWS (1000000 for analytics/pages).
# Before/after in one run: JARS="/tmp/before.jar bootstrap/target/mlledger.jar" bench/run.sh predictions runs
# every measurement once per jar, alternating (ROUNDS=2: twice over), on the same data (loaded once), each
# figure headed by its jar.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=${PORT:-18080}
duration=${DURATION:-30s}
read -r -a jars <<< "${JARS:-bootstrap/target/mlledger.jar}"
for jar in "${jars[@]}"; do
  [ -f "$jar" ] || { echo "no jar $jar; build it first: ./mvnw -q package -DskipTests" >&2; exit 1; }
done
jar=${jars[0]}
# the service is secured: every run seeds this admin token and every request sends it (the scripts read MLLEDGER_TOKEN)
export MLLEDGER_TOKEN=${MLLEDGER_TOKEN:-mll_bench-admin-token-of-the-mlledger-benchmark}
auth=(-H "Authorization: Bearer $MLLEDGER_TOKEN")
# VARIANTS: service arguments to measure each jar with, '|'-separated, e.g. the same build with security on and off:
#   VARIANTS='-mlledger.security.enabled=true|-mlledger.security.enabled=false' bench/run.sh predict
IFS='|' read -r -a variants <<< "${VARIANTS:-}"
[ ${#variants[@]} -gt 0 ] || variants=("")
variant=""

service_pid=""
database=""
stop_service() {
  if [ -n "$service_pid" ]; then kill -TERM "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  service_pid=""
}
drop_database() {
  if [ -n "$database" ] && [ "${KEEP_DB:-0}" != 1 ]; then
    psql -qd postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null
  fi
  database=""
}
interleaved_pids=() interleaved_databases=()
stop_interleaved() {
  local pid db
  for pid in "${interleaved_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP_DB:-0}" != 1 ]; then
    for db in "${interleaved_databases[@]}"; do psql -qd postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; done
  fi
}
trap 'stop_service; drop_database; stop_interleaved' EXIT

fresh_database() {
  drop_database
  database="mlledger_bench_$1"
  psql -qd postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null
}

start_service() {
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" DATASOURCES_DEFAULT_USERNAME="$PGUSER" \
  MLLEDGER_SECURITY_ADMIN_TOKEN="$MLLEDGER_TOKEN" \
    "$java_bin" ${JVM_OPTS:-} -jar "$jar" -micronaut.server.port="$port" $variant "$@" > "/tmp/mlledger-bench-$database.log" 2>&1 &
  service_pid=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 "$service_pid" 2>/dev/null || { echo "service exited; see /tmp/mlledger-bench-$database.log" >&2; exit 1; }
    sleep 0.2
  done
}

machine() {
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
  echo "java: $("$java_bin" -version 2>&1 | head -n 1)"
  echo "postgres: $(psql -Atqd postgres -c 'SHOW server_version') at $PGHOST:$PGPORT, synchronous_commit=$(psql -Atqd postgres -c 'SHOW synchronous_commit')"
}

# Runs "$@" once per jar of JARS and variant of VARIANTS, alternating (ROUNDS times over), with $jar and $variant
# set and a heading naming them.
each_jar() {
  local round
  for round in $(seq 1 "${ROUNDS:-1}"); do
    for jar in "${jars[@]}"; do
      for variant in "${variants[@]}"; do
        echo "-- jar: $jar${variant:+ $variant} (round $round)"
        "$@"
      done
    done
  done
}

bench_predict() {
  echo "== POST /api/v1/predict, ${CONNECTIONS:-32} connections, $duration"
  fresh_database predict
  start_service
  # AFTER_START_SQL: a statement run on the fresh database once the service has migrated it (e.g. to take an
  # index away and measure what it costs)
  [ -z "${AFTER_START_SQL:-}" ] || psql -qd "$database" -c "$AFTER_START_SQL"
  wrk -t2 -c"${CONNECTIONS:-32}" -d10s -s bench/predict.lua "http://127.0.0.1:$port" > /dev/null   # warm-up
  local cpu_before db_before output
  cpu_before=$(service_cpu_ticks)
  db_before=$(database_cpu_ticks)
  output=$(wrk -t2 -c"${CONNECTIONS:-32}" -d"$duration" --latency -s bench/predict.lua "http://127.0.0.1:$port")
  echo "$output"
  cpu_per_request "$cpu_before" "$output"
  cpu_per_request "$db_before" "$output" database_cpu_ticks "database (PostgreSQL)"
  echo "stored predictions: $(psql -Atqd "$database" -c 'SELECT count(*) FROM predictions')"
  stop_service
}

# predict, with every jar x variant running at once (each on its own port and database) and measured in short
# turns, one after the other, TURNS times over: the machine's speed drifts from minute to minute, and slices of
# SLICE (5 s) put each drift on every variant alike. Each turn starts one variant further on, so that none always
# runs first or right after the same one. A variant given twice (VARIANTS='a|b|a|b') runs as two JVMs: one JVM's
# JIT can be some per cent faster than another's, and the two are averaged. Prints each slice, then each distinct
# variant's mean and its ratio to the first (and to its own jar's first, with several jars): the ratio of the
# means, and the mean of the per-turn ratios with its 95 % interval and their median. WARMUP (30s): each JVM's
# warm-up before turn 1.
bench_predict_interleaved() {
  local turns=${TURNS:-12} slice=${SLICE:-5s} results labels i=0 j turn output cpu_before db_before rps name
  local -a names=() pids=() ports=() groups=() group_names=() group_jars=()
  results=$(mktemp); labels=$(mktemp)
  echo "== POST /api/v1/predict, ${CONNECTIONS:-32} connections, variants interleaved: $turns turns of $slice each"
  for jar in "${jars[@]}"; do
    for variant in "${variants[@]}"; do
      fresh_database "predict_$i"
      port=$(( ${PORT:-18080} + i )) start_service
      name="$jar${variant:+ $variant}"
      names+=("$name"); pids+=("$service_pid"); ports+=("$(( ${PORT:-18080} + i ))")
      interleaved_pids+=("$service_pid"); interleaved_databases+=("$database")
      service_pid="" database=""
      for j in "${!group_names[@]}"; do [ "${group_names[$j]}" = "$name" ] && break; j=""; done
      if [ -z "${j:-}" ]; then j=${#group_names[@]}; group_names+=("$name"); group_jars+=("$jar"); fi
      groups+=("$j")
      i=$(( i + 1 ))
    done
  done
  for i in "${!names[@]}"; do   # warm-up, each alone, until the JIT has settled (10 s was not enough: turn 1 ran slow)
    wrk -t2 -c"${CONNECTIONS:-32}" -d"${WARMUP:-30s}" -s bench/predict.lua "http://127.0.0.1:${ports[$i]}" > /dev/null
  done
  for turn in $(seq 1 "$turns"); do
    for j in "${!names[@]}"; do
      i=$(( (turn - 1 + j) % ${#names[@]} ))
      service_pid=${pids[$i]}
      cpu_before=$(service_cpu_ticks); db_before=$(database_cpu_ticks)
      output=$(wrk -t2 -c"${CONNECTIONS:-32}" -d"$slice" --latency -s bench/predict.lua "http://127.0.0.1:${ports[$i]}")
      rps=$(echo "$output" | awk '/Requests\/sec/ {print $2}')
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$turn" "$i" "${groups[$i]}" "$rps" \
        "$(cpu_per_request "$cpu_before" "$output" | awk '{print $5}')" \
        "$(cpu_per_request "$db_before" "$output" database_cpu_ticks | awk '{print $5}')" \
        "$(echo "$output" | awk '$1 == "99%" {print $2}')" >> "$results"
      service_pid=""
    done
  done
  for i in "${!names[@]}"; do echo "JVM $i: variant ${groups[$i]}, ${names[$i]}"; done
  echo "turn JVM variant req/s service-us/req database-us/req p99"
  column -t "$results"
  for j in "${!group_names[@]}"; do
    first=0; while [ "${group_jars[$first]}" != "${group_jars[$j]}" ]; do first=$(( first + 1 )); done
    printf '%s\t%s\t%s\n' "$j" "$first" "${group_names[$j]}" >> "$labels"
  done
  awk -F'\t' '
    FNR == NR { first[$1] = $2; label[$1] = $3; if ($1 > last) last = $1; next }
    { t = $1; g = $3; rps[t, g] += $4; svc[t, g] += $5; db[t, g] += $6; n[t, g]++; if (t > turns) turns = t }
    function mean_of(a, g,   t, sum) { sum = 0; for (t = 1; t <= turns; t++) sum += a[t, g] / n[t, g]; return sum / turns }
    # the per-turn ratios of variant g to variant b: their mean with a 95 % interval, and their median
    function ratios(g, b,   k, t, r, sum, sq, mean, sd, median) {
      k = 0; sum = 0; sq = 0
      for (t = 1; t <= turns; t++) {
        r[++k] = (rps[t, g] / n[t, g]) / (rps[t, b] / n[t, b]); sum += r[k]; sq += r[k] * r[k]
      }
      mean = sum / k; sd = k > 1 ? sqrt((sq - k * mean * mean) / (k - 1)) : 0
      asort(r); median = (k % 2) ? r[(k + 1) / 2] : (r[k / 2] + r[k / 2 + 1]) / 2
      return sprintf("%.3f of variant %d (turns: mean %.3f +- %.3f, median %.3f)", mean_of(rps, g) / mean_of(rps, b), b, mean, 1.96 * sd / sqrt(k), median)
    }
    END {
      for (g = 0; g <= last; g++) {
        printf "variant %d (%s): mean %.0f req/s, service %.1f us/req, database %.1f us/req", g, label[g], mean_of(rps, g), mean_of(svc, g), mean_of(db, g)
        if (g > 0) printf "; %s", ratios(g, 0)
        if (g != first[g] && first[g] != 0) printf "; %s", ratios(g, first[g])
        printf "\n"
      }
    }' "$labels" "$results"
  rm -f "$results" "$labels"
  for i in "${!pids[@]}"; do service_pid=${pids[$i]}; stop_service; done
}

# CPU time (user + system, in clock ticks) the service's JVM has used so far.
service_cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$service_pid/stat"
}

# CPU time (user + system, in clock ticks) the PostgreSQL server's processes have used so far: the service's
# pooled connections live through a run, so their backends are counted from start to end (on a shared server
# this counts its other clients too).
database_cpu_ticks() {
  local pid total=0
  for pid in $(pgrep -x postgres || true); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

# The service's (or, with a counter and a name, another process's) CPU time per request over a wrk run: less
# sensitive than throughput to what else the machine runs (it still moves with cache and frequency effects), so
# it is the figure to compare on a busy machine.
cpu_per_request() {
  local ticks requests
  ticks=$(( $(${3:-service_cpu_ticks}) - $1 ))
  requests=$(echo "$2" | awk '/requests in/ {print $1}')
  awk -v t="$ticks" -v n="$requests" -v hz="$(getconf CLK_TCK)" -v who="${4:-service}" \
    'BEGIN { if (n > 0) printf "%s CPU per request: %.0f us (%d ticks, %d requests)\n", who, t * 1e6 / hz / n, t, n }'
}

bench_pgbench() {
  echo "== pgbench: the same two INSERTs per transaction, 32 clients, $duration"
  fresh_database pgbench
  start_service            # only to migrate the schema
  stop_service
  pgbench -n -c32 -j2 -T"${duration%s}" -f bench/pgbench-two-inserts.sql "$database" | grep -E 'tps|latency'
}

bench_batch() {
  echo "== POST /api/v1/predict/batch (1000 items), ${BATCH_CONNECTIONS:-4} connections, $duration"
  fresh_database batch
  start_service
  wrk -t2 -c"${BATCH_CONNECTIONS:-4}" -d10s -s bench/batch.lua "http://127.0.0.1:$port" > /dev/null
  wrk -t2 -c"${BATCH_CONNECTIONS:-4}" -d"$duration" --latency -s bench/batch.lua "http://127.0.0.1:$port"
  echo "stored predictions: $(psql -Atqd "$database" -c 'SELECT count(*) FROM predictions')"
  stop_service
}

load_rows() {
  fresh_database "$1"
  start_service
  stop_service
  echo "loading ${ROWS:-1000000} predictions…"
  local started=$SECONDS
  psql -qd "$database" -v rows="${ROWS:-1000000}" -f bench/generate-predictions.sql > /dev/null
  echo "loaded in $((SECONDS - started)) s"
}

bench_analytics() {
  echo "== analytics over ${ROWS:-1000000} predictions, 1 connection, $duration"
  load_rows analytics
  each_jar measure_analytics
}

measure_analytics() {
  start_service
  wrk -t1 -c1 -d5s -s bench/analytics.lua "http://127.0.0.1:$port" > /dev/null
  wrk -t1 -c1 -d"$duration" --latency -s bench/analytics.lua "http://127.0.0.1:$port"
  for path in "/api/v1/analytics/summary" "/api/v1/analytics/risk-distribution?from=2025-03-01T10:30:00Z&to=2025-09-15T17:45:00Z"; do
    wrk -t1 -c1 -d10s --latency "http://127.0.0.1:$port$path" | awk -v p="$path" '/ 50%/ {print p, "p50", $2} / 99%/ {print p, "p99", $2}'
  done
  stop_service
}

bench_pages() {
  echo "== GET /api/v1/predictions page 1 vs page ${PAGE:-10000} (limit 50) over ${ROWS:-1000000} predictions"
  load_rows pages
  each_jar measure_pages
}

measure_pages() {
  start_service
  python3 bench/pages.py "http://127.0.0.1:$port" "${PAGE:-10000}"
  stop_service
}

# The id of a new run, in a new experiment "bench", on the running service.
new_run() {
  curl -s -X POST "${auth[@]}" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/experiments" \
    -d '{"name": "bench", "owner": "bench", "runs": [{"seed": 1}]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["runs"][0]["id"])'
}

bench_metrics_batch() {
  echo "== POST /api/v1/runs/{id}/metrics/batch (1000 points), 4 connections, $duration"
  fresh_database metrics
  start_service
  local run_id
  run_id=$(new_run)
  RUN_ID=$run_id wrk -t4 -c4 -d10s -s bench/metrics-batch.lua "http://127.0.0.1:$port" > /dev/null
  RUN_ID=$run_id wrk -t4 -c4 -d"$duration" --latency -s bench/metrics-batch.lua "http://127.0.0.1:$port"
  stop_service
}

bench_history() {
  echo "== metric history of a run with ${POINTS:-1000000} points: first vs last page (limit 10000)"
  fresh_database history
  start_service
  local run_id
  run_id=$(new_run)
  psql -qd "$database" -c "INSERT INTO metrics (id, run_id, name, step, value, timestamp)
      SELECT gen_random_uuid(), '$run_id', 'metric_' || (n % 4), n / 4, random(), now()
      FROM generate_series(0, ${POINTS:-1000000} - 1) AS n" -c "VACUUM ANALYZE metrics"
  python3 bench/history.py "http://127.0.0.1:$port" "$run_id" 10000
  stop_service
}

bench_mlflow_log_batch() {
  echo "== POST /api/2.0/mlflow/runs/log-batch (1000 metrics), ${BATCH_CONNECTIONS:-1} connection(s), $duration"
  fresh_database mlflow
  start_service
  local run_id
  run_id=$(curl -s -X POST "${auth[@]}" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/2.0/mlflow/runs/create" \
    -d '{"experiment_id": "0"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["run"]["info"]["run_id"])')
  RUN_ID=$run_id KEY=warmup wrk -t1 -c1 -d10s -s bench/mlflow-log-batch.lua "http://127.0.0.1:$port" > /dev/null
  RUN_ID=$run_id KEY=loss wrk -t"${BATCH_CONNECTIONS:-1}" -c"${BATCH_CONNECTIONS:-1}" -d"$duration" --latency \
    -s bench/mlflow-log-batch.lua "http://127.0.0.1:$port"
  echo "stored metric points: $(psql -Atqd "$database" -c 'SELECT count(*) FROM metrics')"
  stop_service
}

bench_runs_search() {
  local runs=${RUNS:-10000}
  echo "== GET /api/v1/runs: metrics.loss < 0.5 ORDER BY metrics.loss over one experiment of $runs runs x 10 metrics (3 params, 2 tags each), 1 connection, $duration"
  fresh_database runs_search
  start_service
  local experiment_id
  experiment_id=$(curl -s -X POST "${auth[@]}" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/experiments" \
    -d '{"name": "bench", "owner": "bench"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  # another experiment of as many runs, so that the search must keep to its own
  stop_service
  echo "loading $runs runs…"
  psql -qd "$database" -v experiment="$experiment_id" -v runs="$runs" -f bench/generate-runs.sql > /dev/null
  each_jar measure_runs_search "$experiment_id"
}

measure_runs_search() {
  start_service
  local query="experiment_id=$1&filter=metrics.loss%20%3C%200.5&order_by=metrics.loss"
  for limit in ${LIMITS:-100 1000}; do
    wrk -t1 -c1 -d5s "${auth[@]}" "http://127.0.0.1:$port/api/v1/runs?$query&limit=$limit" > /dev/null
    echo "-- limit=$limit"
    local cpu_before output
    cpu_before=$(service_cpu_ticks)
    output=$(wrk -t1 -c1 -d"$duration" --latency "${auth[@]}" "http://127.0.0.1:$port/api/v1/runs?$query&limit=$limit")
    echo "$output" | grep -E 'Requests/sec| 50%| 99%|Non-2xx'
    cpu_per_request "$cpu_before" "$output"
  done
  echo "-- the statement alone (EXPLAIN ANALYZE, limit 1001):"
  psql -qd "$database" -At -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT r.* FROM runs r JOIN latest_metrics f0 ON f0.run_id = r.id
      AND f0.name = 'loss' AND f0.experiment_id = '$1' WHERE r.experiment_id = '$1' AND r.lifecycle = 'active'
      AND f0.value < 0.5 ORDER BY f0.value ASC NULLS LAST, r.started_at DESC, r.id ASC LIMIT 1001" | grep -E 'Execution|Index'
  stop_service
}

bench_experiments() {
  echo "== GET /api/v1/experiments?limit=100 over 100 experiments with 5 runs each, 32 connections, $duration"
  fresh_database experiments
  start_service
  for i in $(seq 1 100); do
    curl -s -o /dev/null -X POST "${auth[@]}" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/experiments" \
      -d "{\"name\": \"exp-$i\", \"owner\": \"bench\", \"runs\": [{}, {}, {}, {}, {}]}"
  done
  wrk -t2 -c32 -d10s "http://127.0.0.1:$port/api/v1/experiments?limit=100" > /dev/null
  wrk -t2 -c32 -d"$duration" --latency "http://127.0.0.1:$port/api/v1/experiments?limit=100"
  stop_service
}

machine
case "$what" in
  predict) each_jar bench_predict ;;
  predict-interleaved) bench_predict_interleaved ;;
  pgbench) bench_pgbench ;;
  # the group-commit goal: pgbench and predict alternating, ROUNDS times over, in one run
  predict-vs-pgbench)
    rounds=${ROUNDS:-1}
    for round in $(seq 1 "$rounds"); do
      echo "-- round $round"; bench_pgbench; ROUNDS=1 each_jar bench_predict
    done ;;
  batch) each_jar bench_batch ;;
  analytics) bench_analytics ;;
  pages) bench_pages ;;
  metrics-batch) each_jar bench_metrics_batch ;;
  history) each_jar bench_history ;;
  experiments) each_jar bench_experiments ;;
  mlflow-log-batch) each_jar bench_mlflow_log_batch ;;
  runs-search) bench_runs_search ;;
  predictions) bench_pgbench; each_jar bench_predict; each_jar bench_batch; bench_analytics; bench_pages ;;
  tracking) each_jar bench_metrics_batch; each_jar bench_history; each_jar bench_experiments; bench_runs_search
            each_jar bench_mlflow_log_batch ;;
  all) bench_pgbench; each_jar bench_predict; each_jar bench_batch; bench_analytics; bench_pages
       each_jar bench_metrics_batch; each_jar bench_history; each_jar bench_experiments; bench_runs_search
       each_jar bench_mlflow_log_batch ;;
  *) echo "usage: $0 predict|predict-interleaved|batch|analytics|pages|pgbench|predict-vs-pgbench|metrics-batch|history|experiments|runs-search|mlflow-log-batch|predictions|tracking|all" >&2; exit 2 ;;
esac
