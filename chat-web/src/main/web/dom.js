// Small DOM helpers shared by the pages. Text from the network only ever goes through textContent.

/** A new element with a class and, optionally, its text (set as text, never parsed as HTML). */
export function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) {
    made.className = className;
  }
  if (text !== undefined) {
    made.textContent = text;
  }
  return made;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** A <time> for an ISO-8601 instant (or now when it is missing or unreadable), shown as hours and minutes. */
export function timeElement(iso) {
  let when = new Date(typeof iso === "string" ? iso : Date.now());
  if (Number.isNaN(when.getTime())) {
    when = new Date();
  }
  const time = element("time", "time", clock.format(when));
  time.dateTime = when.toISOString();
  time.title = full.format(when);
  return time;
}

/** Shows a field error, or hides it when `message` is empty. */
export function showError(paragraph, message) {
  paragraph.textContent = message || "";
  paragraph.hidden = !message;
}

/** Marks a field as invalid while there is a problem with it. */
export function markInvalid(field, problem) {
  if (problem) {
    field.setAttribute("aria-invalid", "true");
  } else {
    field.removeAttribute("aria-invalid");
  }
}
