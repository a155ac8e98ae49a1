#!/usr/bin/env bash
# Every benchmark, one after the other (over two hours). Run on a quiet machine: the figures in docs/benchmarks.md are
# only meaningful with a load average near 0.
set -euo pipefail
DIR="$(dirname "$0")"
"$DIR/read-cost.sh"
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/warm-path.sh"
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/cold-start.sh"
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/broadcast.sh"
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/room.sh"
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/resume.sh"
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/load.sh" --transport both
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/overload.sh"
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/queued-broadcast.sh"
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/idle-connections.sh"
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/abuse.sh"
PARLEY_BENCH_SKIP_BUILD=1 "$DIR/soak.sh"
