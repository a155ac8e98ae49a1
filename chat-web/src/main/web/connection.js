// One chat connection to Parley's WebSocket API: connects, keeps the connection alive, and reconnects after a drop.

export const State = Object.freeze({
  CONNECTING: "connecting",
  ONLINE: "online",
  RECONNECTING: "reconnecting",
  OFFLINE: "offline",
});

// API Gateway closes a connection after 10 minutes without a frame from the client, and does not pass protocol
// pings to Parley: an application-level ping every 4 minutes keeps it open with room to spare.
const KEEP_ALIVE_MS = 4 * 60 * 1000;
// A ping without any answer for this long means the connection is dead without the browser knowing yet.
const PONG_PATIENCE_MS = 20 * 1000;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30 * 1000;
// About four minutes of trying before the page gives up and offers a button instead.
const MAX_ATTEMPTS = 12;

/**
 * The wait before reconnection attempt number `attempt` (0 first): doubling from 1 s up to 30 s, with "equal
 * jitter" (a random half of it) so that clients dropped together do not all come back in the same instant.
 */
export function retryDelay(attempt) {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

const TOKEN_KEY = "parley.token";
const TOKEN_PARAMETER = "token";

/**
 * The token that lets this page connect when Parley's authorization is on, or null: from the page's own address
 * (`#token=`, the link its user was given: a fragment never leaves the browser, so no server, proxy or access log sees
 * it), kept in sessionStorage for reloads of this tab. It is then taken out of the address bar, so it is not
 * bookmarked, copied along with the address or left in the history. Never logged. Links of the earlier form,
 * `?token=`, still work for this release; they expose the token to every server on the way, so they are going.
 */
export function takeToken(page = window) {
  const address = new URL(page.location.href);
  const fragment = new URLSearchParams(address.hash.slice(1));
  const given = fragment.get(TOKEN_PARAMETER) || address.searchParams.get(TOKEN_PARAMETER);
  try {
    if (!given) {
      return page.sessionStorage.getItem(TOKEN_KEY);
    }
    page.sessionStorage.setItem(TOKEN_KEY, given);
  } catch (storageUnavailable) {
    // Without storage the token still serves this page; a reload needs the link again.
  }
  if (given) {
    fragment.delete(TOKEN_PARAMETER);
    address.hash = fragment.toString();
    address.searchParams.delete(TOKEN_PARAMETER);
    page.history.replaceState(page.history.state, "", address);
  }
  return given || null;
}

/** Keeps `token` for this tab as takeToken does, or forgets the tab's token when it is empty. */
export function keepToken(token, page = window) {
  try {
    if (token) {
      page.sessionStorage.setItem(TOKEN_KEY, token);
    } else {
      page.sessionStorage.removeItem(TOKEN_KEY);
    }
  } catch (storageUnavailable) {
    // Remembering the token is a convenience only.
  }
}

/**
 * Who a token says its holder is, `{userId, name}`, read from its claims without checking the signature (Parley's
 * authorizer does that): the page uses it only to tell itself apart from others in a room. Null when unreadable.
 */
export function tokenClaims(token) {
  try {
    const payload = token.split(".")[1].replace(/-/gu, "+").replace(/_/gu, "/");
    const bytes = Uint8Array.from(atob(payload), (character) => character.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims.sub === "string" && claims.sub
      ? { userId: claims.sub, name: typeof claims.name === "string" ? claims.name : "" }
      : null;
  } catch (notAToken) {
    return null;
  }
}

export class ChatConnection {
  #url;
  #listener;
  #socket = null;
  #state = State.OFFLINE;
  #attempt = 0;
  #retryTimer = null;
  #keepAliveTimer = null;
  #pongTimer = null;

  /**
   * @param {URL} websocketUrl the WebSocket API's URL
   * @param {string} name the display name asked for (with a token, Parley uses the token's instead)
   * @param {{state(state: string, detail: object): void, frame(frame: object): void, dropped(): void}} listener
   *        told of every state change, every frame received (except pongs) and every lost connection
   * @param {?string} token the token for Parley's $connect authorizer, if any: browsers cannot set headers on a
   *        WebSocket, so it travels in the query string
   */
  constructor(websocketUrl, name, listener, token = null) {
    const url = new URL(websocketUrl);
    url.searchParams.set("name", name);
    if (token) {
      url.searchParams.set("token", token);
    }
    this.#url = url;
    this.#listener = listener;
  }

  get state() {
    return this.#state;
  }

  open() {
    this.#attempt = 0;
    this.#connect(State.CONNECTING);
  }

  /** Leaves for good: no reconnection. */
  close() {
    this.#stopTimers();
    this.#discardSocket(1000, "left");
    this.#setState(State.OFFLINE, { left: true });
  }

  /** Skips the wait before the next attempt, or starts trying again after the page gave up. */
  retryNow() {
    if (this.#state === State.ONLINE || this.#state === State.CONNECTING) {
      return;
    }
    if (this.#state === State.RECONNECTING && this.#retryTimer === null) {
      return; // an attempt is under way
    }
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#attempt = 0;
    this.#connect(State.RECONNECTING);
  }

  /** Drops the current connection and reconnects, as after a drop (Parley no longer knows this connection). */
  restart() {
    if (this.#socket !== null) {
      this.#lost();
    }
  }

  /** Sends one frame; false when there is no open connection to send it on. */
  send(frame) {
    if (this.#state !== State.ONLINE || this.#socket.readyState !== WebSocket.OPEN) {
      return false;
    }
    this.#socket.send(JSON.stringify(frame));
    return true;
  }

  #connect(state) {
    this.#retryTimer = null;
    this.#setState(state, {});
    const socket = new WebSocket(this.#url);
    this.#socket = socket;
    socket.onopen = () => {
      this.#attempt = 0;
      this.#setState(State.ONLINE, {});
      this.#keepAliveTimer = setInterval(() => this.#ping(), KEEP_ALIVE_MS);
    };
    socket.onmessage = (event) => this.#receive(event.data);
    // An error is always followed by a close; the close alone decides what happens next.
    socket.onclose = () => this.#lost();
  }

  #receive(data) {
    clearTimeout(this.#pongTimer); // any frame shows the connection is alive
    this.#pongTimer = null;
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (notJson) {
      frame = null;
    }
    if (frame === null || typeof frame !== "object" || Array.isArray(frame)) {
      this.#listener.frame({ type: "unreadable", text: String(data) });
    } else if (frame.type !== "pong") {
      this.#listener.frame(frame);
    }
  }

  #ping() {
    if (this.send({ action: "ping" }) && this.#pongTimer === null) {
      this.#pongTimer = setTimeout(() => this.#lost(), PONG_PATIENCE_MS);
    }
  }

  #lost() {
    this.#stopTimers();
    this.#discardSocket(4000, "connection lost");
    this.#listener.dropped();
    if (this.#attempt >= MAX_ATTEMPTS) {
      this.#setState(State.OFFLINE, { gaveUp: true });
      return;
    }
    const delay = retryDelay(this.#attempt++);
    this.#retryTimer = setTimeout(() => this.#connect(State.RECONNECTING), delay);
    this.#setState(State.RECONNECTING, { retryInMs: delay });
  }

  #discardSocket(code, reason) {
    const socket = this.#socket;
    this.#socket = null;
    if (socket === null) {
      return;
    }
    socket.onopen = socket.onmessage = socket.onclose = null;
    if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) {
      socket.close(code, reason);
    }
  }

  #stopTimers() {
    clearTimeout(this.#retryTimer);
    clearInterval(this.#keepAliveTimer);
    clearTimeout(this.#pongTimer);
    this.#retryTimer = this.#keepAliveTimer = this.#pongTimer = null;
  }

  #setState(state, detail) {
    this.#state = state;
    this.#listener.state(state, detail);
  }
}
