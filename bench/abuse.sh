#!/usr/bin/env bash
# Abuse: the delivery latency of 50 normal users (each a real WebSocket client with a token of its own) sending 10
# messages/s in all through all of Parley in one JVM (chat-local with authorization on, the real handlers, dynalite),
# first quiet for 60 s, then for 60 s while one more user sends 1,000 frames/s over 5 connections: pings, frames that
# are not JSON and direct messages to an id nobody has, in turn. A 30 s warm-up first brings the JIT to speed.
# Compares the normal users' p99 delivery latency of the two phases; the goal is the abused one within 20 % of the
# quiet one (RESULT ... ratio_p99=, within_target=). Checks that every normal message arrived and every abusive frame
# was answered. Loopback only; bounded by `timeout` and the phases.
#
#   bench/abuse.sh                                     50 users, 2 x 60 s (about 3 minutes)
#   bench/abuse.sh --clients 10 --seconds 10           a quick look
#
# Options of the harness (dev.parley.bench.abuse.AbuseBenchmark): --clients, --rate, --seconds, --warmup-s,
# --abuse-rate, --abuse-connections, --drain-s.
source "$(dirname "$0")/lib.sh"
build
run_bounded 900 abuse java -Xmx1g -cp "$(classpath)" dev.parley.bench.abuse.AbuseBenchmark "$@"
