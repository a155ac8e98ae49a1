#!/usr/bin/env bash
# Goal 3: one warm sendMessage through SendMessageHandler on in-memory adapters, with JMH 1.37: time per invocation
# and bytes allocated per invocation (-prof gc, gc.alloc.rate.norm). Extra arguments go to JMH.
source "$(dirname "$0")/lib.sh"
build
CP="$(classpath)"
run_bounded 600 warm-path java -cp "$CP" org.openjdk.jmh.Main SendMessageBenchmark -prof gc "$@"
