#!/usr/bin/env bash
# Goal 1: a broadcast at the floor. BroadcastUseCase with the real ApiGatewayMessagePublisher against chat-local's
# @connections (20 ms latency, 10,000/s, burst 5,000, 429 beyond), to N virtual connections that count their copies.
# In-memory registry for the fan-out figure, then dynalite. Loopback only; every run is bounded by `timeout`.
#
#   bench/broadcast.sh            all four runs (about 10 minutes)
#   bench/broadcast.sh --quick    N = 10,000 in memory only
#
# Options of the harness itself (dev.parley.bench.broadcast.BroadcastBenchmark): --connections N, --registry
# memory|dynalite, --latency-ms, --rate, --burst (the emulated account), --runs, --warmup, and for experiments
# --concurrency, --client-rate, --client-burst (the publisher's settings; PublisherSettings.defaults() otherwise).
source "$(dirname "$0")/lib.sh"
build
CP="$(classpath)"
MAIN=dev.parley.bench.broadcast.BroadcastBenchmark

# The JIT needs some 100,000 sends to settle, so each measurement follows warm-up broadcasts. The publisher and the
# emulated API Gateway share this JVM and its cores; the throughput collector keeps GC off their backs (the default,
# G1, is the second run: about 5 % slower at N = 10,000).
JAVA=(java -Xmx2g -XX:+UseParallelGC -cp "$CP" $MAIN)
run_bounded 300 broadcast-memory-10k "${JAVA[@]}" --connections 10000 --warmup 15 --runs 5
[ "${1:-}" = --quick ] && exit 0
run_bounded 300 broadcast-memory-10k-g1 java -Xmx2g -cp "$CP" $MAIN --connections 10000 --warmup 15 --runs 5
run_bounded 420 broadcast-memory-100k "${JAVA[@]}" --connections 100000 --warmup 1 --runs 3
run_bounded 300 broadcast-dynalite-10k "${JAVA[@]}" --connections 10000 --registry dynalite --warmup 5 --runs 3
run_bounded 900 broadcast-dynalite-100k "${JAVA[@]}" --connections 100000 --registry dynalite --warmup 1 --runs 2
grep -h '^RESULT' "$RESULTS"/broadcast-*.txt
