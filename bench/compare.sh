#!/usr/bin/env bash
# Side-by-side benchmark of Apache RocketMQ 5.2.0 and Apogee, both driven by the official client.
#
#   bench/compare.sh [--no-build] [compare options]
#
# Quick run:  bench/compare.sh --workloads sync-16,backlog --rounds 3 --seconds 10 --warmup 5 --backlog 200000
# Full run:   bench/compare.sh                 (every workload, 3 rounds of 30 s after 10 s warm-up)
# Profile:    bench/compare.sh --workloads sync-16 --rounds 1 --profile sync-16
# Options:    bench/compare.sh --help
#
# What it does: copies Apache RocketMQ's name server and broker (and their dependencies) from Maven
# Central into bench/target/apache-dist using bench/scripts/apache-dist.pom, builds the bench tool and
# Apogee's server, then runs io.apogee.bench.cli.compare.CompareCommand, which starts each system on
# an empty store in turn (Apache RocketMQ as two JVMs, NamesrvStartup + BrokerStartup; Apogee as
# `apogee standalone`; same heap and broker settings), runs the workloads with bench child JVMs,
# samples the servers' CPU time and memory from /proc, and writes a markdown report under
# bench/target/compare/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MVN="${MVN:-mvn}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$ROOT"

build=1
args=()
for arg in "$@"; do
  if [[ "$arg" == "--no-build" ]]; then build=0; else args+=("$arg"); fi
done

dist="$ROOT/bench/target/apache-dist"
if [[ ! -f "$dist/rocketmq-broker-5.2.0.jar" ]]; then
  echo "compare: fetching Apache RocketMQ 5.2.0 into $dist" >&2
  "$MVN" -B -q -f bench/scripts/apache-dist.pom dependency:copy-dependencies >&2
fi

if (( build )); then
  echo "compare: building bench and server (tests skipped)" >&2
  "$MVN" -B -q -pl bench,server -am package -DskipTests >&2
fi

shopt -s nullglob
server_jars=()
for jar in "$ROOT"/server/target/apogee-server-*.jar; do
  [[ "$jar" == *-tests.jar ]] || server_jars+=("$jar")   # the test jar sits beside it
done
if (( ${#server_jars[@]} == 0 )); then
  echo "compare: no server jar in server/target; run without --no-build" >&2
  exit 1
fi

# Other builds in this tree may rewrite server/target and bench/target while a comparison runs for
# an hour: every round must run the same code, so both are copied once, here.
snap="$ROOT/bench/target/compare-snapshot"
rm -rf "$snap"
mkdir -p "$snap/apogee" "$snap/bench"
cp "${server_jars[0]}" "$ROOT"/server/target/lib/*.jar "$snap/apogee/"
cp -r "$ROOT/bench/target/classes" "$snap/bench/classes"
cp "$ROOT"/bench/target/lib/*.jar "$snap/bench/"

exec "$JAVA" -Xmx512m -cp "$snap/bench/classes:$snap/bench/*" \
  io.apogee.bench.cli.compare.CompareCommand \
  --apache-classpath "$dist/*" \
  --apogee-classpath "$snap/apogee/*" \
  --work-dir "$ROOT/bench/target/compare" \
  "${args[@]}"
