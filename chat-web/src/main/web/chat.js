// The chat page: joins under a display name, shows the conversation and sends messages, to everyone or to one
// person. Every text from the network is set with textContent, never parsed as HTML.

import { loadConfig } from "./config.js";
import { ChatConnection, State, takeToken } from "./connection.js";
import { element, markInvalid, showError, timeElement } from "./dom.js";

const MAX_NAME_LENGTH = 32;
// API Gateway's frame limit: a bigger frame would close the connection (1009), so it is refused here first.
const MAX_FRAME_BYTES = 32 * 1024;
// Messages from one person this close together are shown as one group.
const GROUP_WITHIN_MS = 3 * 60 * 1000;
const NAME_KEY = "parley.displayName";
// Parley delivers at least once (a @connections post retried after its timeout may have reached the page already):
// repeats are recognised by id among this many latest frames, enough for any retry while keeping memory bounded.
const REMEMBERED_IDS = 1000;
// Taken at once, so the token leaves the address bar as soon as the page opens.
const token = takeToken();

const STATE_WORDS = {
  [State.CONNECTING]: "Connecting…",
  [State.ONLINE]: "Online",
  [State.RECONNECTING]: "Reconnecting…",
  [State.OFFLINE]: "Offline",
};

// Route responses to a sendMessage frame: each answers the message whose clientId it echoes (or, without one, the
// oldest message still waiting for an answer).
const SEND_ERRORS = new Set([
  "INVALID_JSON", "MISSING_MESSAGE", "MESSAGE_TOO_LARGE", "UNKNOWN_RECIPIENT", "NOT_CONNECTED", "INTERNAL",
]);

const view = Object.fromEntries([
  "join", "join-form", "join-button", "name", "name-error", "config-error", "chat", "me-name", "leave", "status",
  "status-text", "scroller", "messages", "banner", "banner-text", "retry", "composer", "recipient", "text", "send",
  "composer-error", "people",
].map((id) => [id.replace(/-(\w)/g, (_, letter) => letter.toUpperCase()), document.getElementById(id)]));

/**
 * Who is here, as far as this page can tell: the protocol has no list of participants, so people are learned from
 * the messages they send, and forgotten when a direct message to them finds them gone.
 */
class Participants {
  #names = new Map(); // connection id → display name

  /** Records that `id` wrote as `name`; true when that changes the list. */
  seen(id, name) {
    if (!id || this.#names.get(id) === name) {
      return false;
    }
    // The same name under a new connection id is most likely the same person after a reconnection.
    for (const [otherId, otherName] of this.#names) {
      if (otherName === name) {
        this.#names.delete(otherId);
      }
    }
    this.#names.set(id, name);
    return true;
  }

  left(id) {
    return this.#names.delete(id);
  }

  name(id) {
    return this.#names.get(id);
  }

  /** [id, name] pairs, by name. */
  list() {
    return [...this.#names].sort(([, a], [, b]) => a.localeCompare(b));
  }
}

/** The ids of the latest messages and broadcasts shown, so that a repeated frame is shown once. */
class ShownIds {
  #ids = new Set(); // a Set keeps insertion order: its first id is the oldest

  /** Records `id`; false when it was shown already. */
  add(id) {
    if (this.#ids.has(id)) {
      return false;
    }
    this.#ids.add(id);
    if (this.#ids.size > REMEMBERED_IDS) {
      this.#ids.delete(this.#ids.values().next().value);
    }
    return true;
  }
}

const participants = new Participants();
const shownIds = new ShownIds();
const configuration = loadConfig();
let connection = null;
let myName = "";
let outage = false;
let unread = 0;
/** Whether new messages scroll into view: true unless the reader scrolled back. */
let followingLatest = true;
/** Own messages sent on the current connection and not yet answered, oldest first. */
let awaitingAnswer = [];
/** Numbers the page's messages, so answers can name the one they answer even when they arrive out of order. */
let sentCount = 0;

// ---- joining and leaving --------------------------------------------------------------------------------------

function nameProblem(name) {
  const length = [...name].length;
  if (length === 0) {
    return "Enter a display name.";
  }
  if (length > MAX_NAME_LENGTH) {
    return `A display name has at most ${MAX_NAME_LENGTH} characters; this one has ${length}.`;
  }
  if (/\p{Cc}/u.test(name) || !/[^\s\p{Cf}]/u.test(name)) {
    return "Use visible characters only.";
  }
  return "";
}

async function join(event) {
  event.preventDefault();
  if (connection !== null) {
    return;
  }
  const name = view.name.value.trim();
  const problem = nameProblem(name);
  showError(view.nameError, problem);
  markInvalid(view.name, problem);
  if (problem) {
    view.name.focus();
    return;
  }
  let config;
  try {
    config = await configuration;
  } catch (shownAlready) {
    return;
  }
  if (connection !== null) {
    return; // joined meanwhile, by a second press while the settings were loading
  }
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch (storageUnavailable) {
    // Remembering the name is a convenience only.
  }
  myName = name;
  view.meName.textContent = name;
  view.join.hidden = true;
  view.chat.hidden = false;
  connection = new ChatConnection(config.websocketUrl, name, { state: showState, frame: receive, dropped }, token);
  connection.open();
  view.text.focus();
}

function leave() {
  connection.close();
  connection = null;
  awaitingAnswer = [];
  outage = false;
  addNotice("You left the chat.");
  view.chat.hidden = true;
  view.join.hidden = false;
  view.name.focus();
}

// ---- connection state -----------------------------------------------------------------------------------------

function showState(state, detail) {
  view.status.dataset.state = state;
  view.statusText.textContent = STATE_WORDS[state];
  view.send.disabled = state !== State.ONLINE;
  view.banner.dataset.state = state;
  if (state === State.ONLINE) {
    if (view.banner.contains(document.activeElement)) {
      view.text.focus(); // the focus would be lost with the banner's button
    }
    view.banner.hidden = true;
    showError(view.composerError, "");
    addNotice(outage ? "Back online." : `You joined as ${myName}.`);
    outage = false;
  } else if (state === State.RECONNECTING) {
    const seconds = detail.retryInMs === undefined ? 0 : Math.max(1, Math.round(detail.retryInMs / 1000));
    showBanner(seconds > 0 ? `Connection lost. Trying again in ${seconds} s…` : "Reconnecting…", "Reconnect now");
  } else if (state === State.OFFLINE && detail.gaveUp) {
    showBanner("Parley can't be reached right now.", "Try again");
  } else {
    view.banner.hidden = true;
  }
}

function showBanner(words, action) {
  view.bannerText.textContent = words;
  view.retry.textContent = action;
  view.banner.hidden = false;
}

function dropped() {
  for (const waiting of awaitingAnswer) {
    markDelivery(waiting.item, "unknown", "Connection lost before Parley confirmed it");
  }
  awaitingAnswer = [];
  if (!outage) {
    outage = true;
    addNotice("Connection lost.", "warning");
  }
}

// ---- frames from Parley ---------------------------------------------------------------------------------------

function asText(value) {
  return typeof value === "string" ? value : "";
}

function receive(frame) {
  if (repeated(frame)) {
    return;
  }
  switch (frame.type) {
    case "message":
      addOthersMessage(frame);
      break;
    case "broadcast":
      addBroadcast(frame);
      break;
    case "ack":
      acknowledge(frame);
      break;
    case "error":
      showErrorFrame(frame);
      break;
    case "unreadable":
      addNotice(`The server sent something that is not a Parley message: ${frame.text.slice(0, 500)}`, "warning");
      break;
    default:
      // Anything else posted to this connection (for instance with the AWS CLI) is shown if it has words.
      if (asText(frame.message)) {
        addNotice(`From the server: ${frame.message}`);
      }
  }
}

/** Whether a message or broadcast was shown already; one without an id cannot tell, and is shown. */
function repeated(frame) {
  const id = asText(frame.id);
  return (frame.type === "message" || frame.type === "broadcast") && id !== "" && !shownIds.add(id);
}

function addOthersMessage(frame) {
  const from = asText(frame.from);
  const name = asText(frame.name) || "Someone";
  const direct = frame.direct === true;
  if (participants.seen(from, name)) {
    renderPeople();
  }
  const item = element("li", direct ? "message other direct" : "message other");
  item.dataset.from = from;
  item.dataset.sentAt = String(Date.parse(asText(frame.sentAt)) || Date.now());
  const previous = view.messages.lastElementChild;
  if (previous && previous.matches(".message.other") && previous.dataset.from === from
      && !direct && !previous.classList.contains("direct")
      && Number(item.dataset.sentAt) - Number(previous.dataset.sentAt) < GROUP_WITHIN_MS) {
    item.classList.add("continued");
  }
  const meta = element("p", "meta");
  meta.append(element("span", "author", name));
  if (direct) {
    meta.append(element("span", "badge", "Direct to you"));
  }
  meta.append(timeElement(frame.sentAt));
  const body = element("div", "body");
  body.append(meta, element("p", "text", asText(frame.message)));
  item.append(avatarOf(name), body);
  append(item);
  countUnread();
}

function addBroadcast(frame) {
  const item = element("li", "broadcast");
  const card = element("div", "broadcast-card");
  const meta = element("p", "meta");
  meta.append(element("span", "label", "Broadcast"), timeElement(frame.sentAt));
  card.append(meta, element("p", "text", asText(frame.message)));
  item.append(card);
  append(item);
  countUnread();
}

/** The waiting message an ack or error frame answers: the one with its clientId, else the oldest. */
function takeAnswered(frame) {
  const index = awaitingAnswer.findIndex((waiting) => waiting.clientId === frame.clientId);
  return index >= 0 ? awaitingAnswer.splice(index, 1)[0] : awaitingAnswer.shift();
}

function acknowledge(frame) {
  const waiting = takeAnswered(frame);
  if (waiting === undefined) {
    return; // the answer to a message sent on a connection since lost
  }
  waiting.item.dataset.id = asText(frame.id);
  const recipients = Number(frame.recipients) || 0;
  if (waiting.recipientId && recipients === 0) {
    // The recipient's connection was gone when Parley tried it (it is now marked so): the same as an unknown one.
    recipientGone(waiting);
  } else if (waiting.recipientId) {
    markDelivery(waiting.item, "delivered", `Delivered to ${waiting.recipientName}`);
  } else if (recipients === 0) {
    markDelivery(waiting.item, "sent", "Sent · no one else is here yet");
  } else {
    markDelivery(waiting.item, "delivered", `Delivered to ${recipients} ${recipients === 1 ? "person" : "people"}`);
  }
}

function showErrorFrame(frame) {
  const code = asText(frame.code);
  const waiting = SEND_ERRORS.has(code) ? takeAnswered(frame) : undefined;
  if (waiting === undefined) {
    addNotice(errorWords(code, asText(frame.message)), "error");
  } else if (code === "UNKNOWN_RECIPIENT" && waiting.recipientId) {
    recipientGone(waiting);
  } else {
    markDelivery(waiting.item, "failed", `Not delivered. ${errorWords(code, asText(frame.message))}`);
  }
  if (code === "NOT_CONNECTED") {
    connection.restart();
  }
}

function recipientGone(waiting) {
  markDelivery(waiting.item, "failed", `Not delivered. ${waiting.recipientName} is no longer connected.`);
  if (participants.left(waiting.recipientId)) {
    renderPeople();
  }
}

function errorWords(code, serverWords) {
  switch (code) {
    case "UNKNOWN_RECIPIENT":
      return "The person you wrote to is no longer connected.";
    case "MISSING_MESSAGE":
      return "The message was empty.";
    case "MESSAGE_TOO_LARGE":
      return "The message is over Parley's 32 KB limit.";
    case "NOT_CONNECTED":
      return "Parley had lost track of this connection, so the page is reconnecting.";
    case "RATE_LIMITED":
      return "You are sending messages too quickly, so this one was not sent. Wait a moment and send it again.";
    case "INTERNAL":
      return "Parley had a problem on its side. Please try again.";
    case "INVALID_JSON":
      return "Parley could not read what this page sent.";
    case "UNKNOWN_ACTION":
      return "Parley did not recognise a request from this page.";
    default:
      return `${serverWords || "Something went wrong."}${code ? ` (${code})` : ""}`;
  }
}

// ---- sending --------------------------------------------------------------------------------------------------

function send(event) {
  event.preventDefault();
  const message = view.text.value;
  const recipientId = view.recipient.value;
  const clientId = `m${++sentCount}`;
  const frame = { action: "sendMessage", Message: message, clientId };
  if (recipientId) {
    frame.to = recipientId;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(frame)).length;
  let problem = "";
  if (!message.trim()) {
    problem = "Write a message first.";
  } else if (bytes > MAX_FRAME_BYTES) {
    problem = `This message is too long: ${Math.ceil(bytes / 1024)} KB, where the limit is 32 KB.`;
  } else if (connection === null || !connection.send(frame)) {
    problem = "You're not connected right now, so the message was not sent. Try again once the page is back online.";
  }
  showError(view.composerError, problem);
  if (problem) {
    return;
  }
  const recipientName = recipientId ? participants.name(recipientId) : undefined;
  awaitingAnswer.push({ item: addOwnMessage(message, recipientName), clientId, recipientId, recipientName });
  view.text.value = "";
  fitTextArea();
}

function addOwnMessage(message, recipientName) {
  const item = element("li", recipientName === undefined ? "message own" : "message own direct");
  const meta = element("p", "meta");
  if (recipientName !== undefined) {
    meta.append(element("span", "badge", `Direct to ${recipientName}`));
  }
  meta.append(timeElement(), element("span", "delivery", "Sending…"));
  const body = element("div", "body");
  body.append(element("p", "text", message), meta);
  item.append(body);
  markDelivery(item, "pending", "Sending…");
  append(item, true);
  return item;
}

function markDelivery(item, state, words) {
  item.dataset.delivery = state;
  item.querySelector(".delivery").textContent = words;
}

// ---- the message list -----------------------------------------------------------------------------------------

function addNotice(words, tone) {
  const item = element("li", tone ? `notice ${tone}` : "notice");
  item.append(element("p", undefined, words));
  append(item);
}

function append(item, own = false) {
  const follow = followingLatest || own;
  view.messages.append(item);
  if (follow) {
    showLatest();
  }
}

function showLatest() {
  view.scroller.scrollTop = view.scroller.scrollHeight;
  followingLatest = true;
}

/** Whether the reader is at the latest message, rather than reading back. */
function atLatest() {
  const scroller = view.scroller;
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
}

function countUnread() {
  if (document.hidden) {
    unread += 1;
    document.title = `(${unread}) Parley`;
  }
}

/** A circle with the name's initial, in a colour of its own. */
function avatarOf(name) {
  const first = [...name.trim()][0];
  const avatar = element("span", "avatar", first ? first.toLocaleUpperCase() : "?");
  avatar.setAttribute("aria-hidden", "true");
  let hue = 0;
  for (const char of name) {
    hue = (hue * 31 + char.codePointAt(0)) % 360;
  }
  avatar.style.setProperty("--hue", String(hue));
  return avatar;
}

// ---- people and the recipient ---------------------------------------------------------------------------------

function renderPeople() {
  const chosen = view.recipient.value;
  const people = participants.list();
  const everyone = element("option", undefined, "Everyone");
  everyone.value = "";
  const options = [everyone];
  const rows = [];
  for (const [id, name] of people) {
    const option = element("option", undefined, name);
    option.value = id;
    options.push(option);

    const button = element("button", "person");
    button.type = "button";
    button.dataset.id = id;
    button.setAttribute("aria-label", `Write to ${name} privately`);
    button.append(avatarOf(name), element("span", "person-name", name), element("span", "person-hint", "Direct"));
    const row = element("li");
    row.append(button);
    rows.push(row);
  }
  view.recipient.replaceChildren(...options);
  view.recipient.value = people.some(([id]) => id === chosen) ? chosen : "";
  view.people.replaceChildren(...rows);
  showRecipient();
}

function showRecipient() {
  const id = view.recipient.value;
  view.composer.classList.toggle("direct", id !== "");
  view.text.placeholder = id ? "Write privately…" : "Write a message…";
  for (const button of view.people.querySelectorAll("button.person")) {
    button.setAttribute("aria-pressed", String(button.dataset.id === id));
  }
}

function choosePerson(event) {
  const button = event.target.closest("button.person");
  if (!button) {
    return;
  }
  view.recipient.value = view.recipient.value === button.dataset.id ? "" : button.dataset.id;
  showRecipient();
  view.text.focus();
}

// ---- the composer ---------------------------------------------------------------------------------------------

function fitTextArea() {
  view.text.style.height = "auto";
  view.text.style.height = `${Math.min(view.text.scrollHeight, 160)}px`;
}

function sendOnEnter(event) {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    view.composer.requestSubmit();
  }
}

// ---- start ----------------------------------------------------------------------------------------------------

function rememberedName() {
  const asked = new URLSearchParams(location.search).get("name");
  if (asked) {
    return asked;
  }
  try {
    return localStorage.getItem(NAME_KEY) || "";
  } catch (storageUnavailable) {
    return "";
  }
}

view.name.value = rememberedName();
view.joinForm.addEventListener("submit", join);
view.leave.addEventListener("click", leave);
view.retry.addEventListener("click", () => connection && connection.retryNow());
view.composer.addEventListener("submit", send);
view.text.addEventListener("keydown", sendOnEnter);
view.text.addEventListener("input", fitTextArea);
view.recipient.addEventListener("change", showRecipient);
view.people.addEventListener("click", choosePerson);
view.scroller.addEventListener("scroll", () => {
  followingLatest = atLatest();
});
// A smaller screen (a phone's keyboard, a turned phone) keeps the latest message in view.
new ResizeObserver(() => followingLatest && showLatest()).observe(view.scroller);
window.addEventListener("online", () => connection && connection.retryNow());
document.addEventListener("visibilitychange", () => {
  if (!document.hidden) {
    unread = 0;
    document.title = "Parley";
  }
});

configuration.catch((failure) => {
  showError(view.configError, `${failure.message} The chat cannot start.`);
  view.joinButton.disabled = true;
});
