#!/usr/bin/env bash
# Load: 200 real WebSocket clients (java.net.http), all connected before any sends, each sending 50 messages after
# uniformly random intervals of 4-12 s, through all of Parley in one JVM: chat-local's gateway, the real handlers and
# dynalite (--transport chat-local, the default), or chat-server started through its public entry on the in-memory
# adapters (--transport chat-server), or each in turn with a table of the two side by side (--transport both), with
# Parley's defaults (the send limit of 10 frames/s included). A 30 s warm-up at 4 messages/s
# first brings the JIT to speed; its messages are checked but not measured. Checks: every message reached every other
# client exactly once, in its sender's order, never its sender; every message acknowledged once, counting 199
# recipients; no error frame, unexpected close or failed invocation (chat-server: no error line in its log, no refused
# handshake); the server counts every client open at the end. Reports delivery and ack latency percentiles,
# throughput and CPU. Loopback only; bounded by `timeout` and the harness's own deadline.
#
#   bench/load.sh                                  200 x 50 through chat-local (about 9 minutes)
#   bench/load.sh --transport both                 the same through chat-local, then chat-server (about 18 minutes)
#   bench/load.sh --clients 20 --messages 10       a quick look
#
# Why 4-12 s: a message costs its sender's handler 199 @connections calls, about 180 us of CPU per delivery here
# (SDK, gateway, the receiving client), so 200 clients sending every 8 s on average (some 22-25 messages/s, 4,500-5,000
# deliveries/s) keep about half of two cores busy: headroom for the bursts random intervals bring, and the whole run
# takes about 9 minutes. Faster, a burst can make @connections calls outlast the publisher's 2 s attempt timeout,
# and the retries then load the machine further (see docs/benchmarks.md, section 5; since issue 16 an attempt's timeout
# starts only once an HTTP connection is free for it, and bench/overload.sh runs past the knee, section 10). Options of the harness (dev.parley.bench.load.LoadBenchmark) follow the script's name:
# --clients, --messages, --min-interval-ms, --max-interval-ms, --seed, --warmup-s, --warmup-rate, --deadline-s,
# --drain-s, --transport, --local-warm-up (true: chat-local warms itself up first, as `java -jar chat-local.jar` does).
#
#   bench/load.sh --clients 20 --messages 20 --min-interval-ms 200 --max-interval-ms 2000 --warmup-s 0
#                                              a fresh JVM's first minute (issue 16, goal 4); --local-warm-up false beside it
source "$(dirname "$0")/lib.sh"
build
run_bounded 2400 load java -Xmx1g -cp "$(classpath)" dev.parley.bench.load.LoadBenchmark "$@"
