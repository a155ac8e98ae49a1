#!/usr/bin/env bash
# Issue 16 as the issue measured it: a fresh `java -jar chat-local/target/chat-local.jar` (its own process, as a user
# starts it, warm-up and all unless told otherwise), and the clients in another process: Node.js 20's built-in
# WebSocket (bench/external-clients.mjs). Each client sends M messages at random intervals; every other client must
# receive each exactly once, in order. Loopback only; bounded by `timeout` and the clients' own deadline.
#
#   bench/external-load.sh                                   20 x 20 at 0.2-2 s, chat-local as `java -jar` starts it
#   bench/external-load.sh --warm-up false                   ... without chat-local's warm-up (a cold JVM)
#   bench/external-load.sh --warm-up true -- --clients 100 --messages 20 --min-interval-ms 500 --max-interval-ms 1500
#
# Options before `--` go to chat-local, those after it to the clients (see bench/external-clients.mjs).
source "$(dirname "$0")/lib.sh"
build
LOCAL_ARGS=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do LOCAL_ARGS+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
CLIENT_ARGS=("$@")
node --experimental-websocket -e 'if (typeof WebSocket !== "function") process.exit(1)' 2>/dev/null \
  || { echo "Node.js 20.10 or newer is needed (its built-in WebSocket client)" >&2; exit 1; }

LOG="$RESULTS/external-load-chat-local.log"
java -jar "$ROOT/chat-local/target/chat-local.jar" --port 0 "${LOCAL_ARGS[@]}" >"$LOG" 2>&1 &
LOCAL_PID=$!
trap 'kill "$LOCAL_PID" 2>/dev/null; wait "$LOCAL_PID" 2>/dev/null || true' EXIT
STARTED=$(date +%s.%N)
URL=""
for _ in $(seq 1 600); do
  URL="$(sed -n 's/^ *WebSocket API *\(ws:[^ ]*\).*/\1/p' "$LOG" | head -1)"
  [ -n "$URL" ] && break
  kill -0 "$LOCAL_PID" 2>/dev/null || { cat "$LOG" >&2; echo "chat-local did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$URL" ] || { cat "$LOG" >&2; echo "chat-local did not say where it listens within 60 s" >&2; exit 1; }
echo "chat-local (pid $LOCAL_PID, ${LOCAL_ARGS[*]:-defaults}) up after $(awk -v a="$STARTED" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s at $URL"
grep -h '^Warmed up' "$LOG" || true
run_bounded 900 external-load node --experimental-websocket "$ROOT/bench/external-clients.mjs" --url "$URL" \
  "${CLIENT_ARGS[@]}"
