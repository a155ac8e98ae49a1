#!/usr/bin/env bash
# Goal 2: the cold start of SendMessageHandler (through its public constructor, environment set as Lambda sets it)
# answering one sendMessage against chat-local's @connections and dynalite, next to an empty Java RequestHandler and
# the SDK floor (the same two SDK clients and one call each, nothing else), in fresh JVMs pinned to CPU 0
# (taskset -c 0), 20 runs of each, the settings and functions interleaved. Loopback only, bounded.
#
#   bench/cold-start.sh                          20 runs of each setting and function below
#   RUNS=40 VARIANTS=default,cds+c1 FUNCTIONS=parley bench/cold-start.sh
#   bench/cold-start.sh --lambda-jar-b /tmp/other/chat-lambda.jar    A/B: also "parley-b" from another build
#
# Settings (VARIANTS): default, or cds, c1, crtlib and prime joined with '+' (see JvmSetting). Functions
# (FUNCTIONS; the empty one is always measured): parley, floor, floor-crt, floor-dynamodb, the other functions by
# route (connect, disconnect, default, members, join, leave, history, broadcast, broadcast-status, authorizer,
# broadcast-authorizer) and worker (the SQS worker with one page of the recipients). Other options of the harness
# may follow, e.g. --recipients 100 or --jvm-options "-Xlog:class+load:file=/tmp/cl%p.txt".
# The probed JVMs load the deployable chat-lambda/target/chat-lambda.jar and chat-bench's small probe jar.
source "$(dirname "$0")/lib.sh"
build
CP="$(classpath)"
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed to pin the probes to one core" >&2; exit 1; }
PROBE_JAR="$(ls "$BENCH"/target/chat-bench-*-probe.jar | head -1)"
run_bounded 900 cold-start java -cp "$CP" dev.parley.bench.coldstart.ColdStartBenchmark \
  --lambda-jar "$ROOT/chat-lambda/target/chat-lambda.jar" --probe-jar "$PROBE_JAR" \
  --work-dir "$BENCH/target/cold-start" --runs "${RUNS:-20}" \
  --variants "${VARIANTS:-default,c1,cds,cds+c1,cds+c1+crtlib,cds+c1+crtlib+prime}" \
  --functions "${FUNCTIONS:-floor,floor-crt,parley}" "$@"
