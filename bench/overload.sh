#!/usr/bin/env bash
# Overload: the load run (bench/load.sh) asked for more than two cores can deliver: 100 clients each sending 20
# messages after uniformly random intervals of 0.2-2 s (some 9,000 deliveries/s asked), after the usual 30 s warm-up.
# Latency may grow; what must hold is that the stack slows down instead of repeating itself: every message reaches
# every other client, in its sender's order, and duplicate deliveries stay within 0.1 % of those expected
# (--allowed-duplicates-per-mille 1). Loopback only; bounded by `timeout` and the harness's own deadline.
#
#   bench/overload.sh                     100 x 20 at 0.2-2 s (about 3 minutes)
#
# Further options go to the load harness (see bench/load.sh) and override these.
source "$(dirname "$0")/lib.sh"
build
run_bounded 900 overload java -Xmx1g -cp "$(classpath)" dev.parley.bench.load.LoadBenchmark \
  --clients 100 --messages 20 --min-interval-ms 200 --max-interval-ms 2000 --drain-s 180 \
  --allowed-duplicates-per-mille 1 "$@"
