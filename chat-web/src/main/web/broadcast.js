// The broadcast page: posts {"message": "...", "room"?: "..."} to the broadcast endpoint and shows the delivery report
// or the error. A large audience is queued (202 with a status URL): the page then shows a progress bar, polling the
// status with backoff, and the report once the broadcast is done.
// Every text from the network is set with textContent, never parsed as HTML.

import { loadConfig } from "./config.js";
import { keepToken, takeToken } from "./connection.js";
import { element, markInvalid, showError, timeElement } from "./dom.js";
import { cleanRoomName, roomNameProblem } from "./rooms.js";

// Kept per tab: the key of a protected endpoint should not outlive the session.
const API_KEY_STORAGE = "parley.apiKey";
const MAX_MESSAGE_BYTES = 32 * 1024;
const COUNTS = ["attempted", "delivered", "gone", "failed"];
// Polling a queued broadcast's status: soon at first, then less often, never more than every few seconds.
const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 4000;
const POLL_BACKOFF = 1.5;

const view = Object.fromEntries([
  "broadcast-form", "message", "message-error", "room", "room-error", "key-details", "api-key", "admin-token",
  "broadcast-button",
  "endpoint", "config-error", "report", "report-time", "report-summary", "broadcast-id", "failure", "failure-text",
  "history-section", "history", "progress-card", "progress", "progress-text", "progress-state", ...COUNTS,
].map((id) => [id.replace(/-(\w)/g, (_, letter) => letter.toUpperCase()), document.getElementById(id)]));

const configuration = loadConfig();
let broadcasting = false;

async function broadcast(event) {
  event.preventDefault();
  const message = view.message.value;
  let problem = "";
  if (!message.trim()) {
    problem = "Write the message to broadcast.";
  } else if (new TextEncoder().encode(message).length > MAX_MESSAGE_BYTES) {
    problem = "The message is over the 32 KB limit.";
  }
  showError(view.messageError, problem);
  markInvalid(view.message, problem);
  const room = cleanRoomName(view.room.value);
  const roomProblem = room ? roomNameProblem(room) : "";
  showError(view.roomError, roomProblem);
  markInvalid(view.room, roomProblem);
  if (problem || roomProblem) {
    (problem ? view.message : view.room).focus();
    return;
  }
  let config;
  try {
    config = await configuration;
  } catch (shownAlready) {
    return;
  }
  busy(true);
  try {
    let outcome = await post(config.broadcastUrl, room ? { message, room } : { message });
    if (outcome.queued) {
      view.message.value = "";
      outcome = await follow(new URL(outcome.queued.statusUrl, config.broadcastUrl));
    }
    if (outcome.report) {
      showReport(outcome.report, message, room);
      view.message.value = "";
    } else {
      showFailure(outcome.failure);
    }
  } finally {
    busy(false);
  }
}

/** The key and token headers the endpoint may need, as filled in. */
function credentials() {
  const headers = {};
  const apiKey = view.apiKey.value.trim();
  if (apiKey) {
    headers["x-api-key"] = apiKey;
  }
  const token = view.adminToken.value.trim();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  return headers;
}

/**
 * Polls a queued broadcast's status until it is done, showing its progress; {report} when done, {failure} when the
 * status cannot be had. A poll that does not get through is tried again, later.
 */
async function follow(statusUrl) {
  showProgress({ state: "queued", attempted: 0, delivered: 0, gone: 0, failed: 0 });
  let delay = FIRST_POLL_MS;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(MAX_POLL_MS, delay * POLL_BACKOFF);
    let answer;
    try {
      answer = await fetch(statusUrl, { headers: credentials(), cache: "no-store" });
    } catch (unreachableForNow) {
      continue;
    }
    let status = null;
    try {
      status = await answer.json();
    } catch (notJson) {
      // Judged by the status code below.
    }
    if (answer.status === 429 || answer.status >= 500) {
      continue;
    }
    if (!answer.ok || !isReport(status)) {
      view.progressCard.hidden = true;
      return { failure: failureWords(answer.status, status) };
    }
    if (status.state === "done") {
      view.progressCard.hidden = true;
      return { report: status };
    }
    showProgress(status);
  }
}

function showProgress(status) {
  const reached = status.delivered + status.gone + status.failed;
  view.progress.max = Math.max(1, status.attempted);
  view.progress.value = reached;
  view.progressState.textContent = status.state === "queued" ? "Queued" : "Running";
  view.progressText.textContent = status.attempted === 0
    ? "Waiting for a worker to take it…"
    : `${reached} of ${status.attempted} connections reached so far.`;
  view.failure.hidden = true;
  view.report.hidden = true;
  view.progressCard.hidden = false;
}

/**
 * {report} for a delivery report, {queued} with the status URL for a broadcast handed to the queue, or {failure} with
 * what went wrong in words.
 */
async function post(url, body) {
  const headers = { "Content-Type": "application/json", ...credentials() };
  let answer;
  try {
    answer = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  } catch (unreachable) {
    return {
      failure: "The broadcast endpoint could not be reached. Check that Parley is running and that the endpoint "
        + "accepts requests from this page (CORS).",
    };
  }
  let answered = null;
  try {
    answered = await answer.json();
  } catch (notJson) {
    // The words below come from the status alone.
  }
  if (answer.ok && isReport(answered)) {
    return { report: answered };
  }
  if (answer.status === 202 && answered && typeof answered.statusUrl === "string") {
    return { queued: answered };
  }
  return { failure: failureWords(answer.status, answered) };
}

function isReport(body) {
  return body !== null && typeof body === "object" && COUNTS.every((count) => Number.isInteger(body[count]));
}

function failureWords(status, body) {
  const code = body && typeof body.code === "string" ? body.code : "";
  const serverWords = body && typeof body.message === "string" ? body.message : "";
  switch (code) {
    case "MISSING_MESSAGE":
      return "The message was empty.";
    case "MESSAGE_TOO_LARGE":
      return "The message is over Parley's 32 KB limit.";
    case "INVALID_JSON":
      return "The endpoint could not read the request.";
    case "INVALID_ROOM":
      return "Parley does not accept that room name.";
    case "INTERNAL":
      return "Parley failed to broadcast. Please try again.";
    case "UNKNOWN_BROADCAST":
      return "Parley no longer knows this broadcast, so its progress cannot be shown.";
    default:
      break;
  }
  if (status === 401 || status === 403) {
    view.keyDetails.open = true;
    return `The endpoint refused the request (${status}${serverWords ? ` ${serverWords}` : ""}). If it is `
      + "protected, enter the API key and an administrator's token above.";
  }
  if (status === 429) {
    return "Too many requests right now (429). Wait a moment and try again.";
  }
  return `The endpoint answered ${status}${serverWords ? `: ${serverWords}` : " without a delivery report"}.`;
}

function showReport(report, message, room) {
  for (const count of COUNTS) {
    view[count].textContent = String(report[count]);
    view[count].closest(".stat").classList.toggle("zero", report[count] === 0);
  }
  const summary = summarise(report, room);
  view.reportSummary.textContent = summary;
  view.broadcastId.textContent = typeof report.broadcastId === "string" ? report.broadcastId : "";
  view.reportTime.replaceChildren(timeElement());
  view.failure.hidden = true;
  view.report.hidden = false;
  addToHistory(message, `${report.delivered} of ${report.attempted} delivered${room ? ` in #${room}` : ""}`,
    report.delivered === report.attempted);
}

function summarise({ attempted, delivered, gone, failed }, room) {
  if (attempted === 0) {
    return room ? `No one is in #${room} right now, so no one received it.`
      : "No one is connected right now, so no one received it.";
  }
  const where = room ? ` in #${room}` : "";
  const parts = [delivered === attempted
    ? `Delivered to ${attempted === 1 ? "the one connection" : `all ${attempted} connections`}${where}.`
    : `Delivered to ${delivered} of ${attempted} connections${where}.`];
  if (gone > 0) {
    parts.push(`${gone} ${gone === 1 ? "was" : "were"} already gone and ${gone === 1 ? "is" : "are"} now marked `
      + "disconnected.");
  }
  if (failed > 0) {
    parts.push(`${failed} could not be reached after retries.`);
  }
  return parts.join(" ");
}

function showFailure(words) {
  view.failureText.textContent = words;
  view.report.hidden = true;
  view.failure.hidden = false;
}

function addToHistory(message, outcome, complete) {
  const item = element("li", complete ? "sent complete" : "sent partial");
  const meta = element("p", "meta");
  meta.append(timeElement(), element("span", "outcome-words", outcome));
  item.append(element("p", "text", message), meta);
  view.history.prepend(item);
  view.historySection.hidden = false;
}

function busy(working) {
  broadcasting = working;
  view.broadcastButton.disabled = working;
  view.broadcastForm.setAttribute("aria-busy", String(working));
  nameButton();
}

/** The button says who the broadcast goes to. */
function nameButton() {
  const room = cleanRoomName(view.room.value);
  view.broadcastButton.textContent = broadcasting
    ? "Broadcasting…"
    : `Broadcast to ${room && !roomNameProblem(room) ? `#${room}` : "everyone"}`;
}

function rememberKey() {
  try {
    const key = view.apiKey.value.trim();
    if (key) {
      sessionStorage.setItem(API_KEY_STORAGE, key);
    } else {
      sessionStorage.removeItem(API_KEY_STORAGE);
    }
  } catch (storageUnavailable) {
    // Remembering the key is a convenience only.
  }
}

function restoreKey() {
  try {
    view.apiKey.value = sessionStorage.getItem(API_KEY_STORAGE) || "";
  } catch (storageUnavailable) {
    view.apiKey.value = "";
  }
  view.keyDetails.open = view.apiKey.value !== "";
}

restoreKey();
// The tab's token (from a #token= link, or the chat page before): an administrator's lets this page broadcast.
view.adminToken.value = takeToken() || "";
view.keyDetails.open ||= view.adminToken.value !== "";
view.apiKey.addEventListener("input", rememberKey);
view.adminToken.addEventListener("input", () => keepToken(view.adminToken.value.trim()));
view.room.addEventListener("input", nameButton);
view.broadcastForm.addEventListener("submit", broadcast);
view.message.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    view.broadcastForm.requestSubmit();
  }
});
configuration.then(
  (config) => {
    view.endpoint.textContent = config.broadcastUrl.href;
  },
  (failure) => {
    view.endpoint.textContent = "no endpoint";
    showError(view.configError, `${failure.message} Broadcasting is not possible.`);
    view.broadcastButton.disabled = true;
  },
);
