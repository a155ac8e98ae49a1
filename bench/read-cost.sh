#!/usr/bin/env bash
# Goal 4: the DynamoDB reads of one broadcast (dynalite, ReturnConsumedCapacity) with 1,000 active connections as the
# table's history grows to 100,000 ended connections, next to what the original tutorial's Scan reads. Bounded.
#
#   bench/read-cost.sh                            1,000 active, up to 100,000 ended, in 4 steps
#   ACTIVE=5000 HISTORICAL=200000 STEPS=2 bench/read-cost.sh
source "$(dirname "$0")/lib.sh"
build
CP="$(classpath)"
run_bounded 600 read-cost java -cp "$CP" dev.parley.bench.cost.ReadCostBenchmark \
  --active "${ACTIVE:-1000}" --historical "${HISTORICAL:-100000}" --steps "${STEPS:-4}"
