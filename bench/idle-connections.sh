#!/usr/bin/env bash
# Idle connections: how many WebSocket connections one chat-server holds in 512 MB of heap. For each N (5,000,
# 10,000, 19,500 by default), starts `java -Xmx512m -jar chat-server/target/chat-server.jar` as a process of its own on
# a free loopback port, opens N idle connections from one or two client JVMs (java.net.http, up to 10,000 each), and
# checks that /health counts every one open, that one message sent through one of them reaches all the others (they
# are alive, not just counted), that /health still answers quickly, and that the server logged no error and threw no
# OutOfMemoryError. Records the heap after a full collection (jcmd GC.run, then GC.heap_info), RSS and descriptors,
# and the heap a connection costs: the growth over the same server's heap before any client, divided by N.
#
#   bench/idle-connections.sh                                   N = 5,000, 10,000, 19,500 (a few minutes)
#   bench/idle-connections.sh --connections 1000,2000           a quick look
#
# Why 19,500 at most: a process here may hold 20,000 descriptors (ulimit -Hn, which cannot be raised without
# CAP_SYS_RESOURCE), and the server holds a few dozen of its own besides its sockets; the summary says how many the
# heap would hold and which limit stops one process first. The client JVMs take local ports from 32768-60999.
# Options of the harness (dev.parley.bench.idle.IdleConnectionsBenchmark) follow the script's name: --connections,
# --heap-mb, --server-jar, --per-client-jvm, --client-heap-mb, --handshakes-at-once, --patience-s.
source "$(dirname "$0")/lib.sh"
build
run_bounded 1800 idle-connections java -Xmx256m -cp "$(classpath)" dev.parley.bench.idle.IdleConnectionsBenchmark \
  --server-jar "$ROOT/chat-server/target/chat-server.jar" "$@"
