#!/usr/bin/env bash
# Resume: a client that missed 1,000 messages of a room joins it again with `since`, through JoinRoomService with the
# real ApiGatewayMessagePublisher, the history read from dynalite by DynamoDbMessageHistory (consistent Queries),
# against chat-local's @connections as bench/broadcast.sh throttles it (20 ms latency, 10,000/s, burst 5,000, 429
# beyond). Reports the time to the last replayed frame against its floor (one round trip a frame: the replay is sent
# in order, each frame once the one before is delivered) and the DynamoDB reads it cost. Loopback only; bounded by
# `timeout`.
#
#   bench/resume.sh                               1,000 missed messages of 200 bytes, 2 warm-up and 5 measured resumes
#   WARMUP=1 RUNS=3 bench/resume.sh --missed 100 --latency-ms 5
#
# Further options go to the harness (dev.parley.bench.resume.ResumeBenchmark): --missed (at most the history window,
# 1,000), --message-bytes, --writers (set-up threads), and those of bench/broadcast.sh for the emulated account and
# the publisher (--latency-ms, --rate, --burst, --concurrency, --client-rate, --client-burst).
source "$(dirname "$0")/lib.sh"
build
run_bounded 600 resume java -Xmx1g -XX:+UseParallelGC -cp "$(classpath)" dev.parley.bench.resume.ResumeBenchmark \
  --warmup "${WARMUP:-2}" --runs "${RUNS:-5}" "$@"
