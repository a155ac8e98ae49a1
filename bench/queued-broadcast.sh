#!/usr/bin/env bash
# Issue 12: a broadcast through the queue, side by side with the inline path, through all of chat-local (dynalite, the
# embedded ElasticMQ, the emulated SQS event source and the worker) to N virtual connections, against @connections
# throttled like the account (20 ms, 10,000/s, burst 5,000, 429 beyond). Loopback only; every run is bounded.
#
#   bench/queued-broadcast.sh            N = 10,000, then N = 100,000
#   bench/queued-broadcast.sh --quick    N = 10,000 only
#   bench/queued-broadcast.sh --million  N = 1,000,000 queued, connections, rooms and broadcast records in memory
#                                        (the queue, the workers and the throttled @connections as always)
#   bench/queued-broadcast.sh --fresh    N = 10,000: the first broadcast of a fresh JVM (chat-local started without
#                                        its warm-up), queued and inline each in three new processes
#
# Options of the harness (dev.parley.bench.queued.QueuedBroadcastBenchmark): --connections N, --latency-ms, --rate,
# --burst, --runs, --page-size, --store dynalite|memory, --paths both|inline|queued. Beside it, the writes' floor (dev.parley.bench.queued.AuditTrailFloorBenchmark,
# --connections N, --max-callers K): the audit trail's UpdateItems alone on dynalite, by 1, 2, 4 callers at once.
source "$(dirname "$0")/lib.sh"
build
CP="$(classpath)"
MAIN=dev.parley.bench.queued.QueuedBroadcastBenchmark
JAVA=(java -Xmx4g -XX:+UseParallelGC -cp "$CP" $MAIN)
FLOOR=(java -Xmx2g -XX:+UseParallelGC -cp "$CP" dev.parley.bench.queued.AuditTrailFloorBenchmark)
if [ "${1:-}" = --million ]; then
  run_bounded 900 queued-broadcast-1m-memory java -Xmx6g -XX:+UseParallelGC -cp "$CP" $MAIN --store memory \
    --connections 1000000 --runs 1 --paths queued
  grep -h '^RESULT' "$RESULTS"/queued-broadcast-1m-memory.txt
  exit 0
fi
if [ "${1:-}" = --fresh ]; then
  for n in 1 2 3; do
    for path in queued inline; do
      run_bounded 600 "queued-broadcast-fresh-$path-$n" "${JAVA[@]}" --connections 10000 --runs 1 --paths $path
    done
  done
  grep -h '^RESULT' "$RESULTS"/queued-broadcast-fresh-*.txt
  exit 0
fi
run_bounded 600 queued-broadcast-10k "${JAVA[@]}" --connections 10000 --runs 2
run_bounded 600 audit-trail-floor-10k "${FLOOR[@]}" --connections 10000
[ "${1:-}" = --quick ] && exit 0
run_bounded 1800 queued-broadcast-100k "${JAVA[@]}" --connections 100000 --runs 1
run_bounded 1800 audit-trail-floor-100k "${FLOOR[@]}" --connections 100000
grep -h '^RESULT' "$RESULTS"/queued-broadcast-*.txt "$RESULTS"/audit-trail-floor-*.txt
