// The chat page: joins under a display name, shows the rooms it is in (the lobby first), each room's conversation and
// members, and sends messages to a room or to one person. Every text from the network is set with textContent, never
// parsed as HTML.

import { loadConfig } from "./config.js";
import { ChatConnection, State, takeToken, tokenClaims } from "./connection.js";
import { element, markInvalid, showError, timeElement } from "./dom.js";
import { RoomHistory } from "./history.js";
import { LOBBY, People, Room, byName, cleanRoomName, roomNameProblem } from "./rooms.js";

const MAX_NAME_LENGTH = 32;
// API Gateway's frame limit: a bigger frame would close the connection (1009), so it is refused here first.
const MAX_FRAME_BYTES = 32 * 1024;
// Messages from one person this close together are shown as one group.
const GROUP_WITHIN_MS = 3 * 60 * 1000;
const NAME_KEY = "parley.displayName";
// Parley delivers at least once (a @connections post retried after its timeout may have reached the page already):
// repeats are recognised by id among this many latest frames, enough for any retry while keeping memory bounded.
const REMEMBERED_IDS = 1000;
// A newcomer to a room sees this many of its latest messages, about a screenful; scrolling up asks for pages of
// OLDER_PAGE more (Parley's limit is 100 a page) once the reader is within NEAR_TOP_PX of the top.
const SCREENFUL = 30;
const OLDER_PAGE = 50;
const NEAR_TOP_PX = 48;
// Parley recognises a message sent again by its clientId (per user with a token, for 24 hours): the ids of this page
// must differ from those of the user's other tabs and earlier visits, so they carry a random part of its own.
const PAGE_KEY = [...crypto.getRandomValues(new Uint8Array(9))].map((byte) => byte.toString(16).padStart(2, "0"))
  .join("");
// Taken at once, so the token leaves the address bar as soon as the page opens.
const token = takeToken();
/** Who the token says this page is: with it, the page knows itself among a room's members by user id. */
const claims = token ? tokenClaims(token) : null;
// A link with a token opened in a tab already on this page changes only the fragment, which reloads nothing: take the
// new token and start again with it.
window.addEventListener("hashchange", () => {
  if (new URLSearchParams(location.hash.slice(1)).has("token")) {
    takeToken();
    location.reload();
  }
});

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
  "NOT_A_MEMBER", "INVALID_ROOM",
]);

const view = Object.fromEntries([
  "join", "join-form", "join-button", "name", "name-error", "config-error", "chat", "me-name", "leave", "status",
  "status-text", "scroller", "timelines", "banner", "banner-text", "retry", "composer", "recipient", "text", "send",
  "composer-error", "people", "rooms", "room-form", "room-name", "room-error", "people-room", "people-count",
  "more-people", "room-title", "room-count", "intro-title", "intro-text", "panel-open", "panel-close",
  "unread-elsewhere",
].map((id) => [id.replace(/-(\w)/g, (_, letter) => letter.toUpperCase()), document.getElementById(id)]));

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

const people = new People();
const shownIds = new ShownIds();
const configuration = loadConfig();
/** The rooms the page is in or joining, in the order they were joined: the lobby first. */
const rooms = new Map();
let current = addRoom(LOBBY);
current.timeline.hidden = false;
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
/** Join, leave and members requests on the current connection not yet answered, by the clientId they carry. */
const roomRequests = new Map();
let requestCount = 0;

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
  // With a token, Parley shows the token's name rather than the one typed.
  myName = (claims && claims.name) || name;
  view.meName.textContent = myName;
  view.join.hidden = true;
  view.chat.hidden = false;
  connection = new ChatConnection(config.websocketUrl, name, { state: showState, frame: receive, dropped }, token);
  connection.open();
  view.text.focus();
}

function leave() {
  connection.close();
  connection = null;
  connectionEnded();
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
    enterRooms();
  } else if (state === State.RECONNECTING) {
    const seconds = detail.retryInMs === undefined ? 0 : Math.max(1, Math.round(detail.retryInMs / 1000));
    showBanner(seconds > 0 ? `Connection lost. Trying again in ${seconds} s…` : "Reconnecting…", "Reconnect now");
  } else if (state === State.OFFLINE && detail.gaveUp) {
    showBanner("Parley can't be reached right now.", "Try again");
  } else {
    view.banner.hidden = true;
  }
}

/**
 * On every new connection: every room the page was in is joined again (a connection's rooms end with it; Parley put
 * it in the lobby already, and joining it again answers its members and where its history stands), each resuming
 * from the last message it showed.
 */
function enterRooms() {
  for (const room of rooms.values()) {
    joinAgain(room);
  }
}

/** Asks to join `room`, from where its history stands on the page when it was in the room before. */
function joinAgain(room) {
  if (!room.history.known) {
    return request("join", room.name);
  }
  room.missed = null; // a new resume counts what it brings under a marker of its own
  return request("join", room.name, { since: room.history.since() });
}

function showBanner(words, action) {
  view.bannerText.textContent = words;
  view.retry.textContent = action;
  view.banner.hidden = false;
}

function dropped() {
  for (const room of rooms.values()) {
    // What was held for an earlier message is shown now; the resume asks for the missing ones again.
    showInOrder(room, room.history.flush());
    room.history.loadingOlder = false;
    showLoadingOlder(room);
  }
  for (const waiting of awaitingAnswer) {
    markDelivery(waiting.item, "unknown", "Connection lost before Parley confirmed it");
  }
  connectionEnded();
  if (!outage) {
    outage = true;
    addNotice("Connection lost.", "warning");
  }
}

/** Answers to what was sent on a connection now gone never come, and its rooms (but the lobby) ended with it. */
function connectionEnded() {
  awaitingAnswer = [];
  roomRequests.clear();
  for (const room of rooms.values()) {
    room.joined = room.name === LOBBY;
  }
  renderPeople();
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
    case "history":
      historyPage(frame);
      break;
    case "gap":
      gap(frame);
      break;
    case "void":
      voidSeqs(frame);
      break;
    case "broadcast":
      addBroadcast(frame);
      break;
    case "ack":
      acknowledge(frame);
      break;
    case "joined":
      roomJoined(frame);
      break;
    case "members":
      membersListed(frame);
      break;
    case "left":
      roomRequests.delete(asText(frame.clientId));
      break;
    case "presence":
      presence(frame);
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

/** The room a message or broadcast belongs to: its own room, or (direct, or to everyone) the one on screen. */
function roomOf(frame, toEveryone) {
  return toEveryone ? current : rooms.get(asText(frame.room) || LOBBY);
}

/**
 * A message from someone else: shown at once, or, when it has a seq in a room whose history the page follows, in seq
 * order (held briefly for an earlier one still on its way).
 */
function addOthersMessage(frame) {
  const direct = frame.direct === true;
  const room = roomOf(frame, direct);
  if (room === undefined) {
    return; // a message to a room the page has just left
  }
  const person = people.seen(frame.userId, asText(frame.from), asText(frame.name) || "Someone");
  if (person !== null) {
    person.other = true;
    if (direct) {
      person.partner = true;
    } else if (frame.replay !== true) {
      room.members.set(person.key, person); // a replayed message's sender may have left long ago
    }
    renderPeople();
  }
  const own = direct ? undefined : unconfirmedOwn(room, frame);
  if (own !== undefined && Number.isInteger(frame.seq)) {
    // The page's own message, stored before the connection was lost but never confirmed: confirmed by its replay.
    own.dataset.id = asText(frame.id);
    markDelivery(own, "sent", "Sent");
    placeOwn({ item: own, room: room.name, recipient: undefined }, frame);
  } else if (!direct && Number.isInteger(frame.seq) && room.history.known) {
    showInOrder(room, room.history.arrive(frame.seq, { frame }));
  } else {
    if (!direct && Number.isInteger(frame.seq)) {
      room.history.shownBeforeJoin(frame.seq);
    }
    showOthersMessage(room, frame, false);
  }
}

/**
 * The page's own message in `room` that the replayed `frame` is: one whose answer was lost with its connection, of
 * the same text, from the page's user (by user id with a token, else by name). The oldest such; undefined if none.
 */
function unconfirmedOwn(room, frame) {
  const mine = claims ? frame.userId === claims.userId : asText(frame.name) === myName;
  if (frame.replay !== true || !mine) {
    return undefined;
  }
  return [...room.timeline.querySelectorAll('.message.own[data-delivery="unknown"]:not(.direct)')]
    .find((item) => item.dataset.seq === undefined && item.querySelector(".text").textContent === frame.message);
}

/** Shows, in the order given, what a room's history let through: others' messages, and the page's own by their ack. */
function showInOrder(room, entries) {
  for (const entry of entries) {
    if (entry.frame !== undefined) {
      showOthersMessage(room, entry.frame, false);
    }
  }
}

/** Draws someone else's message in `room`: by its seq when it has one; `older` for a page of earlier history. */
function showOthersMessage(room, frame, older) {
  const from = asText(frame.from);
  const name = asText(frame.name) || "Someone";
  const direct = frame.direct === true;
  const item = element("li", direct ? "message other direct" : "message other");
  item.dataset.from = from;
  item.dataset.sentAt = String(Date.parse(asText(frame.sentAt)) || Date.now());
  const meta = element("p", "meta");
  meta.append(element("span", "author", name));
  if (direct) {
    meta.append(element("span", "badge", "Direct to you"));
  }
  meta.append(timeElement(frame.sentAt));
  const body = element("div", "body");
  body.append(meta, element("p", "text", asText(frame.message)));
  item.append(avatarOf(name), body);
  if (!direct && Number.isInteger(frame.seq)) {
    place(item, room, frame.seq, older);
  } else {
    room.timeline.append(item);
  }
  groupWithPrevious(item);
  if (item.nextElementSibling !== null) {
    groupWithPrevious(item.nextElementSibling);
  }
  if (frame.replay === true) {
    countMissed(room, item);
  }
  if (!older) {
    follow(room, false);
    countUnread(room);
  }
}

/** Shows a message as the continuation of the one before when it is from the same person within a few minutes. */
function groupWithPrevious(item) {
  const previous = item.previousElementSibling;
  item.classList.toggle("continued", item.matches(".message.other:not(.direct)") && previous !== null
    && previous.matches(".message.other:not(.direct)") && previous.dataset.from === item.dataset.from
    && Number(item.dataset.sentAt) - Number(previous.dataset.sentAt) < GROUP_WITHIN_MS);
}

/** Counts a replayed message under the marker of the latest resume, put before the first of them. */
function countMissed(room, item) {
  if (room.missed === null) {
    room.missed = { item: element("li", "notice missed"), count: 0 };
    room.missed.item.append(element("p"));
    item.before(room.missed.item);
    readOnFrom(room.missed.item, room);
  }
  room.missed.count += 1;
  const count = room.missed.count;
  room.missed.item.firstChild.textContent = `${count} ${count === 1 ? "message" : "messages"} you missed`;
}

/**
 * Puts a message with a seq in its place among the room's messages: before the first one with a greater seq; else
 * a live message goes last, and an older one (a page of history) after the latest with a smaller seq, or first.
 */
function place(item, room, seq, older) {
  item.dataset.seq = String(seq);
  const timeline = room.timeline;
  let later = null;
  let earlier = null;
  for (let other = timeline.lastElementChild; other !== null; other = other.previousElementSibling) {
    if (other !== item && other.dataset.seq !== undefined) {
      if (Number(other.dataset.seq) < seq) {
        earlier = other;
        break;
      }
      later = other;
    }
  }
  if (later !== null) {
    later.before(item);
  } else if (older && earlier !== null) {
    earlier.after(item);
  } else if (older) {
    timeline.prepend(item);
  } else {
    timeline.append(item);
  }
}

function addBroadcast(frame) {
  const room = roomOf(frame, !asText(frame.room));
  if (room === undefined) {
    return;
  }
  const item = element("li", "broadcast");
  const card = element("div", "broadcast-card");
  const meta = element("p", "meta");
  meta.append(element("span", "label", asText(frame.room) ? `Broadcast to #${room.name}` : "Broadcast"),
    timeElement(frame.sentAt));
  card.append(meta, element("p", "text", asText(frame.message)));
  item.append(card);
  append(item, room);
  countUnread(room);
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
  placeOwn(waiting, frame);
  const recipients = Number(frame.recipients) || 0;
  if (waiting.recipient && recipients === 0) {
    // The recipient's connection was gone when Parley tried it (it is now marked so): the same as an unknown one.
    recipientGone(waiting);
  } else if (waiting.recipient) {
    markDelivery(waiting.item, "delivered", `Delivered to ${waiting.recipient.name}`);
  } else if (recipients === 0) {
    markDelivery(waiting.item, "sent", "Sent · no one else is here yet");
  } else {
    markDelivery(waiting.item, "delivered", `Delivered to ${recipients} ${recipients === 1 ? "person" : "people"}`);
  }
}

/** The page's own room message, placed among the others by the seq its ack gives it. */
function placeOwn(waiting, frame) {
  const room = rooms.get(waiting.room);
  if (waiting.recipient !== undefined || room === undefined || !Number.isInteger(frame.seq)) {
    return;
  }
  shownIds.add(asText(frame.id)); // a resume replays it with the others: shown once
  place(waiting.item, room, frame.seq, false);
  if (room.history.known) {
    showInOrder(room, room.history.arrive(frame.seq, { own: waiting.item }));
  }
}

function showErrorFrame(frame) {
  const code = asText(frame.code);
  const roomRequest = roomRequests.get(asText(frame.clientId));
  if (roomRequest !== undefined) {
    roomRequests.delete(frame.clientId);
    roomRequestFailed(roomRequest, code, asText(frame.message));
    return;
  }
  const waiting = SEND_ERRORS.has(code) ? takeAnswered(frame) : undefined;
  if (waiting === undefined) {
    addNotice(errorWords(code, asText(frame.message)), "error");
  } else if (code === "UNKNOWN_RECIPIENT" && waiting.recipient) {
    recipientGone(waiting);
  } else if (code === "NOT_A_MEMBER" && rooms.get(waiting.room) !== undefined) {
    // Parley no longer counts this connection in the room the page shows it in: join it again.
    markDelivery(waiting.item, "failed", `Not delivered: you were no longer in #${waiting.room}. `
      + "The page is joining it again; send the message once it has.");
    rooms.get(waiting.room).joined = false;
    joinAgain(rooms.get(waiting.room));
    renderRooms();
  } else {
    markDelivery(waiting.item, "failed", `Not delivered. ${errorWords(code, asText(frame.message))}`);
  }
  if (code === "NOT_CONNECTED") {
    connection.restart();
  }
}

function recipientGone(waiting) {
  markDelivery(waiting.item, "failed", `Not delivered. ${waiting.recipient.name} is no longer connected.`);
  people.forget(waiting.recipient, rooms.values());
  renderPeople();
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
    case "NOT_A_MEMBER":
      return "You are not in that room.";
    case "INVALID_ROOM":
      return "That is not a room name Parley accepts.";
    case "TOO_MANY_ROOMS":
      return "You are in as many rooms as Parley allows. Leave a room to join another.";
    case "FORBIDDEN_ROOM":
      return "You are not allowed in that room.";
    default:
      return `${serverWords || "Something went wrong."}${code ? ` (${code})` : ""}`;
  }
}

// ---- rooms ----------------------------------------------------------------------------------------------------

/**
 * Sends a join, leave, members or history request for `room`, with the given fields (cursor, since, before, limit);
 * false when there is no connection to send it on.
 */
function request(action, room, fields = {}) {
  const clientId = `r${++requestCount}`;
  const frame = { action, room, ...fields, clientId };
  if (connection === null || !connection.send(frame)) {
    return false;
  }
  roomRequests.set(clientId, { action, room, continued: fields.cursor !== undefined,
    resuming: fields.since !== undefined });
  return true;
}

function addRoom(name) {
  const timeline = element("ol", "messages");
  timeline.setAttribute("role", "log");
  timeline.setAttribute("aria-live", "polite");
  timeline.setAttribute("aria-label", `Messages in #${name}`);
  timeline.hidden = true;
  view.timelines.append(timeline);
  const room = new Room(name, timeline, new RoomHistory((entries) => showInOrder(room, entries)));
  rooms.set(name, room);
  return room;
}

function removeRoom(room) {
  rooms.delete(room.name);
  room.timeline.remove();
  if (room === current) {
    switchTo(rooms.get(LOBBY));
  }
  for (const person of room.members.values()) {
    people.forgetIfUnseen(person, rooms.values());
  }
  renderRooms();
  renderPeople();
}

function joinRoom(event) {
  event.preventDefault();
  const name = cleanRoomName(view.roomName.value);
  let problem = roomNameProblem(name);
  const known = rooms.get(name);
  if (!problem && known === undefined && !request("join", name)) {
    problem = "You're not connected right now. Join the room once the page is back online.";
  }
  showError(view.roomError, problem);
  markInvalid(view.roomName, problem);
  if (problem) {
    view.roomName.focus();
    return;
  }
  view.roomName.value = "";
  let room = known;
  if (room === undefined) {
    room = addRoom(name);
    room.cameFrom = current.name;
  }
  switchTo(room);
  closePanel();
  view.text.focus();
}

function roomJoined(frame) {
  const asked = roomRequests.get(asText(frame.clientId));
  roomRequests.delete(asText(frame.clientId));
  const name = asText(frame.room);
  const room = rooms.get(name);
  if (room === undefined) {
    request("leave", name); // left on this page before Parley answered the join
    return;
  }
  forgetUnlisted(room.takePage(frame, people, false));
  room.joined = true;
  if (asText(frame.epoch) && Number.isInteger(frame.seq)) {
    const newcomer = !room.history.known;
    if (room.history.joined(frame.epoch, frame.seq, asked !== undefined && asked.resuming)) {
      // The room's history was reset: what the page shows stays, before the new epoch's messages.
      for (const shown of room.timeline.querySelectorAll("[data-seq]")) {
        delete shown.dataset.seq;
      }
    }
    if (newcomer) {
      loadOlder(room, SCREENFUL);
    }
  }
  if (!room.everJoined) {
    room.everJoined = true;
    addNotice(`You joined #${room.name}.`, undefined, room);
  }
  renderRooms();
  renderPeople();
}

/** Asks for up to `limit` messages before the oldest shown in `room` (its latest when none is shown yet). */
function loadOlder(room, limit) {
  if (room.history.loadingOlder) {
    return;
  }
  const fields = { limit };
  if (room.history.oldest !== undefined) {
    fields.before = room.history.oldest;
  }
  if (request("history", room.name, fields)) {
    room.history.loadingOlder = true;
    showLoadingOlder(room);
  }
}

/** The "Loading earlier messages…" row at the top of `room`'s messages, while an older page is on its way. */
function showLoadingOlder(room) {
  if (room.history.loadingOlder && room.loadingRow === null) {
    room.loadingRow = element("li", "notice loading");
    room.loadingRow.append(element("p", undefined, "Loading earlier messages…"));
    room.timeline.prepend(room.loadingRow);
  } else if (!room.history.loadingOlder && room.loadingRow !== null) {
    room.loadingRow.remove();
    room.loadingRow = null;
  }
}

/** A page of a room's earlier messages (oldest first; a big page comes in several frames), put above the rest. */
function historyPage(frame) {
  const room = rooms.get(asText(frame.room));
  if (frame.continues !== true) {
    roomRequests.delete(asText(frame.clientId));
  }
  if (room === undefined) {
    return;
  }
  const page = (Array.isArray(frame.messages) ? frame.messages : []).filter((message) => message !== null
    && typeof message === "object" && Number.isInteger(message.seq));
  const messages = page.filter((message) => !room.timeline.querySelector(`[data-seq="${message.seq}"]`)
    && (!asText(message.id) || shownIds.add(message.id)));
  // The reader stays where they were: what is added above pushes the rest down by its height.
  const fromBottom = view.scroller.scrollHeight - view.scroller.scrollTop;
  for (const message of messages) {
    showOthersMessage(room, message, true);
  }
  showInOrder(room, room.history.pageShown(page.map((message) => message.seq), frame.more === true));
  if (frame.continues !== true) {
    room.history.loadingOlder = false;
    showLoadingOlder(room);
  }
  if (room === current) {
    if (followingLatest) {
      showLatest();
    } else {
      view.scroller.scrollTop = view.scroller.scrollHeight - fromBottom;
    }
  }
}

/** Messages of a room that Parley can no longer replay: said with their count and seqs, where they would have been. */
function gap(frame) {
  const room = rooms.get(asText(frame.room));
  if (room === undefined || !Number.isInteger(frame.from) || !Number.isInteger(frame.to) || frame.to < frame.from) {
    return;
  }
  const count = frame.to - frame.from + 1;
  const missed = `${count} ${count === 1 ? "message" : "messages"} (${frame.from}–${frame.to})`;
  const why = {
    window: `You missed ${missed}: more than Parley brings back after a reconnect, so they are not shown.`,
    expired: `${missed} you missed are no longer kept, so they are not shown.`,
    epoch: `The history of #${room.name} was reset: ${missed} are not shown.`,
  };
  addNotice(why[frame.reason] || `${missed} you missed cannot be shown.`, "warning gap", room);
  readOnFrom(room.timeline.lastElementChild, room);
  showInOrder(room, room.history.gap(frame.from, frame.to));
}

/** Seqs whose messages were never stored: nothing waits for them. */
function voidSeqs(frame) {
  const room = rooms.get(asText(frame.room));
  if (room !== undefined && Array.isArray(frame.void)) {
    showInOrder(room, room.history.accountFor(frame.void.filter(Number.isInteger)));
  }
}

function membersListed(frame) {
  const asked = roomRequests.get(asText(frame.clientId));
  roomRequests.delete(asText(frame.clientId));
  const room = rooms.get(asText(frame.room));
  if (room !== undefined) {
    forgetUnlisted(room.takePage(frame, people, asked !== undefined && asked.continued));
    renderPeople();
  }
}

/** Forgets the people a room's new list left out (they left while the page was away) unless seen elsewhere. */
function forgetUnlisted(gone) {
  for (const person of gone) {
    people.forgetIfUnseen(person, rooms.values());
  }
}

function roomRequestFailed(failed, code, serverWords) {
  const room = rooms.get(failed.room);
  if (room === undefined || failed.action === "leave") {
    return; // out of the room either way
  }
  if (failed.action === "history") {
    room.history.loadingOlder = false;
    showLoadingOlder(room);
    addNotice(`Earlier messages of #${room.name} could not be loaded. ${errorWords(code, serverWords)}`, "error",
      room);
    return;
  }
  if (failed.action === "members") {
    if (code === "INVALID_CURSOR") {
      request("members", room.name); // the list changed too much to continue: start it again
    } else {
      addNotice(`The people in #${room.name} could not be listed. ${errorWords(code, serverWords)}`, "error", room);
    }
    renderPeople();
    return;
  }
  const words = joinErrorWords(code, room.name, serverWords);
  const wasCurrent = room === current;
  if (wasCurrent && !room.everJoined) {
    switchTo(rooms.get(room.cameFrom) || rooms.get(LOBBY));
  }
  removeRoom(room);
  if (!room.everJoined) {
    // Refused on the way in: said next to the field the name was typed in, shown again if the reader is still there.
    showError(view.roomError, words);
    markInvalid(view.roomName, words);
    if (wasCurrent) {
      view.roomName.value = room.name;
      openPanel(view.roomName);
    }
  } else {
    addNotice(`You are no longer in #${room.name}. ${words}`, "error");
  }
}

function joinErrorWords(code, room, serverWords) {
  switch (code) {
    case "TOO_MANY_ROOMS":
      return `You are in as many rooms as Parley allows, so #${room} was not joined. Leave a room to join another.`;
    case "FORBIDDEN_ROOM":
      return `You are not allowed in #${room}.`;
    case "INVALID_ROOM":
      return `Parley does not accept “${room}” as a room name.`;
    default:
      return `#${room} could not be joined. ${errorWords(code, serverWords)}`;
  }
}

function leaveRoom(room) {
  request("leave", room.name); // without a connection, Parley took the page out of its rooms already
  removeRoom(room);
  addNotice(`You left #${room.name}.`, undefined, rooms.get(LOBBY));
  view.rooms.querySelector("[aria-current]").focus(); // the leave button had the focus, and is gone
}

function presence(frame) {
  const room = rooms.get(asText(frame.room));
  const person = room === undefined ? null : people.member(frame.member);
  if (person === null || (frame.event !== "join" && frame.event !== "leave")) {
    return;
  }
  person.other = true;
  if (frame.event === "join") {
    room.members.set(person.key, person);
    addNotice(`${person.name} joined.`, "presence", room);
  } else {
    room.members.delete(person.key);
    people.forgetIfUnseen(person, rooms.values());
    addNotice(`${person.name} left.`, "presence", room);
  }
  if (Number.isInteger(frame.count)) {
    room.count = frame.count;
  }
  renderPeople();
}

function switchTo(room) {
  if (room === current) {
    return;
  }
  current.scrollTop = view.scroller.scrollTop;
  current.following = followingLatest;
  current.timeline.hidden = true;
  current = room;
  room.unread = 0;
  room.timeline.hidden = false;
  followingLatest = room.following;
  if (followingLatest) {
    showLatest();
  } else {
    view.scroller.scrollTop = room.scrollTop;
  }
  const lobby = room.name === LOBBY;
  view.roomTitle.textContent = `#${room.name}`;
  view.peopleRoom.textContent = `#${room.name}`;
  view.introTitle.textContent = lobby ? "Welcome to Parley" : `Welcome to #${room.name}`;
  view.introText.textContent = lobby
    ? "Messages appear here as people write. Broadcasts to everyone stand out in amber."
    : `Only the members of #${room.name} see what is written here.`;
  renderRooms();
  renderPeople();
}

function chooseRoom(event) {
  const button = event.target.closest("button");
  const room = button && rooms.get(button.dataset.room);
  if (room === undefined) {
    return;
  }
  if (button.classList.contains("room-leave")) {
    leaveRoom(room);
    return;
  }
  switchTo(room);
  closePanel();
  view.text.focus();
}

function renderRooms() {
  const rows = [];
  let elsewhere = 0;
  for (const room of rooms.values()) {
    const button = element("button", "room");
    button.type = "button";
    button.dataset.room = room.name;
    if (room === current) {
      button.setAttribute("aria-current", "true");
    }
    button.append(element("span", "room-name", `#${room.name}`));
    if (!room.joined) {
      button.append(element("span", "room-state", "joining…"));
    } else if (room.unread > 0) {
      const badge = element("span", "unread", String(room.unread));
      badge.append(element("span", "visually-hidden", " unread"));
      button.append(badge);
      elsewhere += room.unread;
    }
    const row = element("li", "room-row");
    row.append(button);
    if (room.name !== LOBBY) {
      const leave = element("button", "room-leave", "×");
      leave.type = "button";
      leave.dataset.room = room.name;
      leave.setAttribute("aria-label", `Leave #${room.name}`);
      leave.title = `Leave #${room.name}`;
      row.append(leave);
    }
    rows.push(row);
  }
  replaceKeepingFocus(view.rooms, rows, "room");
  view.unreadElsewhere.textContent = String(elsewhere);
  view.unreadElsewhere.hidden = elsewhere === 0;
  view.roomCount.textContent = !current.joined ? "Joining…"
    : current.count === undefined ? "" : peopleWords(current.count);
}

function peopleWords(count) {
  return `${count} ${count === 1 ? "person" : "people"}`;
}

/** Replaces a list's rows, keeping the focus on the button that had it (found again by class and `data-<key>`). */
function replaceKeepingFocus(list, rows, key) {
  const focused = list.contains(document.activeElement) ? document.activeElement : undefined;
  list.replaceChildren(...rows);
  if (focused !== undefined) {
    const again = [...list.querySelectorAll("button")].find((button) => button.className === focused.className
      && button.dataset[key] === focused.dataset[key]);
    (again || view.text).focus();
  }
}

// ---- sending --------------------------------------------------------------------------------------------------

function send(event) {
  event.preventDefault();
  const message = view.text.value;
  const recipient = people.get(view.recipient.value);
  const room = current;
  const clientId = `m-${PAGE_KEY}-${++sentCount}`;
  const frame = { action: "sendMessage", Message: message, clientId };
  if (recipient !== undefined && recipient.userId) {
    frame.toUser = recipient.userId; // every tab of theirs, whichever connection it is on now
  } else if (recipient !== undefined) {
    frame.to = recipient.connectionId;
  } else if (room.name !== LOBBY) {
    frame.room = room.name;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(frame)).length;
  let problem = "";
  if (!message.trim()) {
    problem = "Write a message first.";
  } else if (bytes > MAX_FRAME_BYTES) {
    problem = `This message is too long: ${Math.ceil(bytes / 1024)} KB, where the limit is 32 KB.`;
  } else if (recipient === undefined && !room.joined && connection !== null && connection.state === State.ONLINE) {
    problem = `Joining #${room.name}… Send the message once it has joined.`;
  } else if (connection === null || !connection.send(frame)) {
    problem = "You're not connected right now, so the message was not sent. Try again once the page is back online.";
  }
  showError(view.composerError, problem);
  if (problem) {
    return;
  }
  awaitingAnswer.push({ item: addOwnMessage(message, recipient), clientId, recipient, room: room.name });
  view.text.value = "";
  fitTextArea();
}

function addOwnMessage(message, recipient) {
  const item = element("li", recipient === undefined ? "message own" : "message own direct");
  const meta = element("p", "meta");
  if (recipient !== undefined) {
    meta.append(element("span", "badge", `Direct to ${recipient.name}`));
  }
  meta.append(timeElement(), element("span", "delivery", "Sending…"));
  const body = element("div", "body");
  body.append(element("p", "text", message), meta);
  item.append(body);
  markDelivery(item, "pending", "Sending…");
  append(item, current, true);
  return item;
}

function markDelivery(item, state, words) {
  item.dataset.delivery = state;
  item.querySelector(".delivery").textContent = words;
}

// ---- the message list -----------------------------------------------------------------------------------------

/** A notice in `room`'s conversation, the one on screen unless said. */
function addNotice(words, tone, room = current) {
  const item = element("li", tone ? `notice ${tone}` : "notice");
  item.append(element("p", undefined, words));
  append(item, room);
}

function append(item, room, own = false) {
  room.timeline.append(item);
  follow(room, own);
}

/**
 * After a reconnect, a reader who was at the latest message goes on reading from `item` (the gap, or the first
 * message missed) rather than being taken past what was missed to its end.
 */
function readOnFrom(item, room) {
  if (room === current && followingLatest) {
    item.scrollIntoView({ block: "start" });
    followingLatest = false;
  }
}

/** Keeps the latest message in view after one was added to `room`, unless the reader has scrolled back. */
function follow(room, own) {
  if (room === current && (followingLatest || own)) {
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

function countUnread(room) {
  if (room !== current) {
    room.unread += 1;
    renderRooms();
  }
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

/**
 * Whether `person` is this page: by user id with a token; without one, Parley never says which connection is the
 * page's own, so it is the member of the page's name that was never seen sending or coming and going.
 */
function isMe(person) {
  return claims ? person.userId === claims.userId : !person.userId && !person.other && person.name === myName;
}

/** The current room's members, and everyone the page can write to privately. */
function renderPeople() {
  const rows = [...current.members.values()].sort(byName).map((person) => {
    const row = element("li");
    if (isMe(person)) {
      const self = element("div", "person self");
      self.append(avatarOf(person.name), element("span", "person-name", person.name), element("span", "person-hint",
        "you"));
      row.append(self);
      return row;
    }
    const button = element("button", "person");
    button.type = "button";
    button.dataset.key = person.key;
    button.setAttribute("aria-label", `Write to ${person.name} privately`);
    button.title = person.name; // a long name is cut short in the list
    button.append(avatarOf(person.name), element("span", "person-name", person.name),
      element("span", "person-hint", "Direct"));
    row.append(button);
    return row;
  });
  replaceKeepingFocus(view.people, rows, "key");
  view.peopleCount.textContent = current.count === undefined ? "" : String(current.count);
  view.morePeople.hidden = current.cursor === undefined;
  view.morePeople.disabled = [...roomRequests.values()].some((asked) => asked.continued);
  renderRooms();
  renderRecipients();
}

function renderRecipients() {
  const chosen = view.recipient.value;
  const everyone = element("option", undefined, "Everyone");
  everyone.value = "";
  const options = [everyone];
  for (const person of people.list()) {
    if (!isMe(person)) {
      const option = element("option", undefined, person.name);
      option.value = person.key;
      option.dataset.connectionId = person.connectionId;
      options.push(option);
    }
  }
  view.recipient.replaceChildren(...options);
  view.recipient.value = people.get(chosen) === undefined ? "" : chosen;
  showRecipient();
}

function showRecipient() {
  const key = view.recipient.value;
  const person = people.get(key);
  if (person !== undefined) {
    person.partner = true; // kept as a choice until Parley says they are gone, so the addressee never changes unseen
  }
  view.composer.classList.toggle("direct", key !== "");
  view.text.placeholder = key ? `Write to ${person.name} privately…` : `Message #${current.name}`;
  for (const button of view.people.querySelectorAll("button.person")) {
    button.setAttribute("aria-pressed", String(button.dataset.key === key));
  }
}

function choosePerson(event) {
  const button = event.target.closest("button.person");
  if (!button) {
    return;
  }
  view.recipient.value = view.recipient.value === button.dataset.key ? "" : button.dataset.key;
  showRecipient();
  closePanel();
  view.text.focus();
}

function showMorePeople() {
  if (current.cursor !== undefined && request("members", current.name, { cursor: current.cursor })) {
    view.morePeople.disabled = true;
  }
}

// ---- the side panel (a screen of its own on a phone) ----------------------------------------------------------

/** Shows the rooms and people (on a phone, instead of the conversation), with the focus on `focus`. */
function openPanel(focus = view.panelClose) {
  view.chat.classList.add("panel-shown");
  view.panelOpen.setAttribute("aria-expanded", "true");
  focus.focus();
}

function closePanel() {
  if (view.chat.classList.contains("panel-shown")) {
    view.chat.classList.remove("panel-shown");
    view.panelOpen.setAttribute("aria-expanded", "false");
    view.text.focus();
  }
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
renderRooms();
view.joinForm.addEventListener("submit", join);
view.leave.addEventListener("click", leave);
view.retry.addEventListener("click", () => connection && connection.retryNow());
view.composer.addEventListener("submit", send);
view.text.addEventListener("keydown", sendOnEnter);
view.text.addEventListener("input", fitTextArea);
view.recipient.addEventListener("change", showRecipient);
view.people.addEventListener("click", choosePerson);
view.morePeople.addEventListener("click", showMorePeople);
view.rooms.addEventListener("click", chooseRoom);
view.roomForm.addEventListener("submit", joinRoom);
view.panelOpen.addEventListener("click", () => openPanel());
view.panelClose.addEventListener("click", closePanel);
view.chat.addEventListener("keydown", (event) => event.key === "Escape" && closePanel());
view.scroller.addEventListener("scroll", () => {
  followingLatest = atLatest();
  if (view.scroller.scrollTop < NEAR_TOP_PX && current.joined && current.history.more) {
    loadOlder(current, OLDER_PAGE);
  }
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
