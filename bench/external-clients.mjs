// Issue 16's measurement as the issue took it: a separate Node.js process opens C WebSocket clients to a running
// Parley, each sends M messages at random intervals, and every other client must receive each once, in its sender's
// order. Latency = receive time - send time (one process, one clock). Node 20's built-in WebSocket client
// (`node --experimental-websocket`; no npm package). Loopback only; bounded by --deadline-s.
//
//   node --experimental-websocket bench/external-clients.mjs --url ws://127.0.0.1:8080/ \
//     [--clients 20] [--messages 20] [--min-interval-ms 200] [--max-interval-ms 2000] [--drain-s 120]
//     [--connect-at-once 10] [--deadline-s 600]
//
// Prints one line of figures starting with RESULT, and exits 1 when a message is missing, repeated or out of order,
// or any error frame or unexpected close came.

const defaults = {
  url: "", clients: 20, messages: 20, "min-interval-ms": 200, "max-interval-ms": 2000, "connect-at-once": 10,
  "drain-s": 120, "deadline-s": 600,
};

function parse(argv) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, "");
    if (!(name in defaults) || i + 1 >= argv.length) {
      throw new Error(`unknown option or missing value: ${argv[i]} (options: ${Object.keys(defaults).join(", ")})`);
    }
    options[name] = name === "url" ? argv[i + 1] : Number(argv[i + 1]);
    if (name !== "url" && !(Number.isInteger(options[name]) && options[name] >= 0)) {
      throw new Error(`--${name} must be a whole number >= 0, not ${argv[i + 1]}`);
    }
  }
  if (!options.url.startsWith("ws://127.0.0.1:") && !options.url.startsWith("ws://localhost:")) {
    throw new Error("--url must be a loopback ws:// URL (ws://127.0.0.1:PORT/...)");
  }
  if (options.clients < 2 || options["min-interval-ms"] > options["max-interval-ms"]) {
    throw new Error("--clients must be at least 2 and --min-interval-ms at most --max-interval-ms");
  }
  return options;
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

class Client {
  constructor(index, run) {
    this.index = index;
    this.run = run;
    this.lastSeen = new Map(); // sender index -> highest message number received from it
    this.seen = new Set(); // "sender:number" of every message received
    this.acks = 0;
  }

  open(url) {
    return new Promise((resolve, reject) => {
      const separator = url.includes("?") ? "&" : "?";
      this.socket = new WebSocket(`${url}${separator}name=c${this.index}`);
      this.socket.onopen = () => resolve();
      this.socket.onerror = (event) => reject(new Error(`client ${this.index}: ${event.message ?? "handshake failed"}`));
      this.socket.onclose = (event) => {
        if (!this.run.closing) {
          this.run.problems.push(`client ${this.index} closed by the server (${event.code} ${event.reason})`);
        }
      };
      this.socket.onmessage = (event) => this.receive(String(event.data));
    });
  }

  receive(text) {
    const frame = JSON.parse(text);
    if (frame.type === "ack") {
      this.acks++;
      return;
    }
    if (frame.type === "error") {
      this.run.problems.push(`client ${this.index} got an error frame: ${text}`);
      return;
    }
    if (frame.type !== "message") {
      return; // presence and the like
    }
    const [sender, number, sentAt] = frame.message.split(":").map(Number);
    if (sender === this.index) {
      this.run.problems.push(`client ${this.index} received its own message ${number}`);
      return;
    }
    const key = `${sender}:${number}`;
    if (this.seen.has(key)) {
      this.run.duplicates++;
      return;
    }
    this.seen.add(key);
    const last = this.lastSeen.get(sender) ?? -1;
    if (number < last) {
      this.run.outOfOrder++;
    }
    this.lastSeen.set(sender, Math.max(last, number));
    this.run.latencies.push(Date.now() - sentAt);
    this.run.received++;
  }

  async sendAll(options) {
    for (let number = 0; number < options.messages; number++) {
      const span = options["max-interval-ms"] - options["min-interval-ms"];
      await new Promise((resolve) => setTimeout(resolve, options["min-interval-ms"] + Math.random() * span));
      this.socket.send(JSON.stringify({ action: "sendMessage", Message: `${this.index}:${number}:${Date.now()}` }));
      this.run.sent++;
    }
  }
}

async function main() {
  const options = parse(process.argv.slice(2));
  const run = { received: 0, duplicates: 0, outOfOrder: 0, sent: 0, latencies: [], problems: [], closing: false };
  const deadline = setTimeout(() => {
    console.error(`deadline of ${options["deadline-s"]} s reached`);
    process.exit(2);
  }, options["deadline-s"] * 1000);
  const clients = Array.from({ length: options.clients }, (_, index) => new Client(index, run));
  for (let i = 0; i < clients.length; i += options["connect-at-once"]) {
    await Promise.all(clients.slice(i, i + options["connect-at-once"]).map((client) => client.open(options.url)));
  }
  const expected = options.clients * (options.clients - 1) * options.messages;
  const started = Date.now();
  await Promise.all(clients.map((client) => client.sendAll(options)));
  const lastSend = Date.now();
  while (run.received < expected && run.problems.length === 0 && Date.now() - lastSend < options["drain-s"] * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const finished = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 1000)); // late repeats still count
  run.closing = true;
  clients.forEach((client) => client.socket.close());
  clearTimeout(deadline);

  const sorted = run.latencies.sort((a, b) => a - b);
  const acks = clients.reduce((sum, client) => sum + client.acks, 0);
  const seconds = (finished - started) / 1000;
  console.log(`RESULT clients=${options.clients} messages=${options.messages} interval=${options["min-interval-ms"]}-`
    + `${options["max-interval-ms"]}ms deliveries=${run.received}/${expected} duplicates=${run.duplicates} `
    + `outOfOrder=${run.outOfOrder} acks=${acks}/${run.sent} p50=${percentile(sorted, 50)}ms `
    + `p90=${percentile(sorted, 90)}ms p99=${percentile(sorted, 99)}ms max=${sorted[sorted.length - 1]}ms `
    + `rate=${Math.round(run.received / seconds)}/s drain=${((finished - lastSend) / 1000).toFixed(1)}s`);
  run.problems.slice(0, 10).forEach((problem) => console.error(problem));
  const clean = run.received === expected && run.duplicates === 0 && run.outOfOrder === 0 && acks === run.sent
    && run.problems.length === 0;
  process.exit(clean ? 0 : 1);
}

main().catch((failure) => {
  console.error(failure.message);
  process.exit(2);
});
