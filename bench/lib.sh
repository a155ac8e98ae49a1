# Sourced by the benchmark scripts: builds what they run, describes the machine, and warns when it is busy.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The benchmark script as it was called, for the results to say how to rerun them.
SCRIPT_COMMAND="bench/$(basename "$0")${*:+ $*}"
BENCH="$ROOT/chat-bench"
RESULTS="$ROOT/chat-bench/target/bench-results"
mkdir -p "$RESULTS"

# Builds every module once, in the reactor (PARLEY_BENCH_SKIP_BUILD=1 skips it). `package`, not `install`: the
# harnesses run from the modules' target directories, and nothing is published to the local repository, where it
# would shadow the jars of another checkout building at the same time.
build() {
  if [ "${PARLEY_BENCH_SKIP_BUILD:-0}" = 1 ]; then
    return
  fi
  echo "building (mvn -DskipTests package; PARLEY_BENCH_SKIP_BUILD=1 skips this)..." >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package)
}

# The classpath of the harnesses: chat-bench's classes and its runtime dependencies, copied at build time.
classpath() {
  echo "$BENCH/target/classes:$BENCH/target/lib/*"
}

# Where the figures came from: cores, CPU model, JDK, and how busy the machine was.
describe_machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')," \
       "$(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "jdk: $(java -version 2>&1 | head -2 | tail -1)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  local load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  if awk -v load="$load" 'BEGIN { exit !(load > 0.7) }'; then
    echo "WARNING: the load average is above 0.7: other work shares the cores, so these figures are provisional." >&2
  fi
}

# Runs a harness class with a time limit, keeping its output in $RESULTS/<name>.txt as well.
run_bounded() {
  local seconds="$1" name="$2"
  shift 2
  { describe_machine; echo "command: $SCRIPT_COMMAND ($name)"; } | tee "$RESULTS/$name.txt"
  timeout --signal=TERM --kill-after=30 "$seconds" "$@" 2>&1 | tee -a "$RESULTS/$name.txt"
}
