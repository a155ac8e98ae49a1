#!/usr/bin/env bash
# Soak: 100 real WebSocket clients sending 10 messages/s in all (each one every 10 s, in turn) for 10 minutes through
# all of Parley in one JVM (chat-local's gateway, the real handlers, dynalite). Every 10 s, after a full GC: the heap
# left, live threads and open files of that JVM, the gateway's open connections, dynalite's resident memory, the
# delivery latency and the CPU of the interval. Passes when, over the second half, the heap grows less than
# 1 MB/min, threads less than 1/min and open files less than 5/min (least-squares slopes), every sample saw all 100
# connections, and every message reached every other client exactly once, in order. Loopback only; bounded.
#
#   bench/soak.sh                                  10 minutes (about 11 with start and drain)
#   bench/soak.sh --duration-s 120 --sample-s 5   a quick look
#
# Options of the harness (dev.parley.bench.soak.SoakBenchmark): --clients, --rate, --duration-s, --sample-s,
# --drain-s, --max-heap-growth-kb-per-min, --max-thread-growth-per-min, --max-fd-growth-per-min.
source "$(dirname "$0")/lib.sh"
build
run_bounded 1500 soak java -Xmx1g -cp "$(classpath)" dev.parley.bench.soak.SoakBenchmark "$@"
