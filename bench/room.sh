#!/usr/bin/env bash
# Rooms: one message to a room of 10,000 members through SendMessageService with the real ApiGatewayMessagePublisher,
# against chat-local's @connections as bench/broadcast.sh throttles it (20 ms latency, 10,000/s, burst 5,000, 429
# beyond), the members read from dynalite by DynamoDbRoomRegistry: the room's c# items, then the lobby's from the
# sharded active index. 1,000 more connections are outside the room. Reports each send against the floor of its
# 9,999 recipients and the DynamoDB reads it cost. Loopback only; bounded by `timeout` (setup about 2 minutes).
#
#   bench/room.sh                             both variants, 10 warm-up and 5 measured sends each
#   WARMUP=5 RUNS=3 bench/room.sh --variants room --page-size 1000
#
# Further options go to the harness (dev.parley.bench.room.RoomMessageBenchmark): --variants room,lobby,
# --page-size (items per Query page; 0, as deployed, is DynamoDB's 1 MB), --writers (set-up threads), and those of
# bench/broadcast.sh for the emulated account and the publisher (--latency-ms, --rate, --burst, --concurrency,
# --client-rate, --client-burst).
source "$(dirname "$0")/lib.sh"
build
# The throughput collector, as for the broadcast: the publisher and the emulated API Gateway share this JVM. The JIT
# needs some 100,000 sends to settle, hence 10 warm-up sends of 9,999.
run_bounded 900 room java -Xmx2g -XX:+UseParallelGC -cp "$(classpath)" dev.parley.bench.room.RoomMessageBenchmark \
  --members 10000 --outsiders 1000 --warmup "${WARMUP:-10}" --runs "${RUNS:-5}" "$@"
