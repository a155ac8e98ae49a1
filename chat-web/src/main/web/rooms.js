// Rooms as both pages know them: Parley's rule for a room's name, and (for the chat page) who is in which room, kept
// from the `joined`, `members` and `presence` frames and from the messages people send. No DOM here.

/** The room every connection is in from the moment it connects; a message without a room goes there. */
export const LOBBY = "lobby";
export const MAX_ROOM_NAME_LENGTH = 64;
const ROOM_CHARACTER = /^[A-Za-z0-9_.:-]$/u;

/** The name as typed, without the surrounding spaces and the leading "#" people type out of habit. */
export function cleanRoomName(typed) {
  return typed.trim().replace(/^#/u, "");
}

/** What is wrong with `name` as a room name, in words; "" when Parley accepts it (1 to 64 of A-Z a-z 0-9 _ - . :). */
export function roomNameProblem(name) {
  const characters = [...name];
  if (characters.length === 0) {
    return "Enter a room name.";
  }
  if (characters.length > MAX_ROOM_NAME_LENGTH) {
    return `A room name has at most ${MAX_ROOM_NAME_LENGTH} characters; this one has ${characters.length}.`;
  }
  const refused = [...new Set(characters.filter((character) => !ROOM_CHARACTER.test(character)))];
  if (refused.length > 0) {
    return `A room name uses only letters A–Z, digits and _ - . : (not ${refused.map(described).join(", ")}).`;
  }
  return "";
}

function described(character) {
  return /\s/u.test(character) ? "spaces" : `“${character}”`;
}

/**
 * One person: a user (all of their connections, keyed by user id) or, without a user id, one connection. Never
 * keyed or merged by name: two people may share one.
 */
export class Person {
  constructor(key, userId, connectionId, name) {
    this.key = key;
    this.userId = userId;
    this.connectionId = connectionId;
    this.name = name;
    /** Shown to be someone else: Parley never sends a connection its own messages or presence. */
    this.other = false;
    /** Written to or from directly: stays a choice of recipient until Parley says they are gone. */
    this.partner = false;
  }
}

function text(value) {
  return typeof value === "string" ? value : "";
}

/** Everyone the page knows of, by key, with the rooms they were seen in. */
export class People {
  #byKey = new Map();

  /**
   * The person a member (`{userId?, connectionId, name}`) or a message's sender is, learned or updated: a user's
   * latest connection replaces the one known, so that what is addressed to it follows them. Null when the member
   * names no connection.
   */
  seen(userId, connectionId, name) {
    const connection = text(connectionId);
    if (!connection) {
      return null;
    }
    const user = text(userId) || undefined;
    const key = user ? `user:${user}` : `connection:${connection}`;
    let person = this.#byKey.get(key);
    if (!person) {
      person = new Person(key, user, connection, text(name) || "Someone");
      this.#byKey.set(key, person);
    } else {
      person.connectionId = connection;
      person.name = text(name) || person.name;
    }
    return person;
  }

  member(member) {
    return member !== null && typeof member === "object"
      ? this.seen(member.userId, member.connectionId, member.name)
      : null;
  }

  get(key) {
    return this.#byKey.get(key);
  }

  /** Forgets `person` unless a room still lists them or they are a partner in a direct conversation. */
  forgetIfUnseen(person, rooms) {
    if (!person.partner && ![...rooms].some((room) => room.members.has(person.key))) {
      this.#byKey.delete(person.key);
    }
  }

  /** Forgets `person` for good (Parley found them gone), from every room's list too. */
  forget(person, rooms) {
    this.#byKey.delete(person.key);
    for (const room of rooms) {
      room.members.delete(person.key);
    }
  }

  /** Everyone known, by name. */
  list() {
    return [...this.#byKey.values()].sort(byName);
  }
}

export function byName(a, b) {
  return a.name.localeCompare(b.name);
}

/** A room the page is in, or is joining. */
export class Room {
  constructor(name, timeline, history) {
    this.name = name;
    /** The room's own list of messages and notices (an <ol>), shown while the room is the current one. */
    this.timeline = timeline;
    /** Where the page stands in the room's history (a RoomHistory), and the order its messages are shown in. */
    this.history = history;
    /** The "… messages you missed" marker of the latest resume and how many it counts; null before any replay. */
    this.missed = null;
    /** The "Loading earlier messages…" row while an older page is on its way. */
    this.loadingRow = null;
    /** Until Parley's `joined` answer, nothing can be written here (the message would race the join). */
    this.joined = name === LOBBY;
    /** Whether Parley ever answered a join: a refusal before that is said where the name was typed. */
    this.everJoined = this.joined;
    /** The room on screen when this one was asked for: where a refused join goes back to. */
    this.cameFrom = LOBBY;
    this.members = new Map(); // person key → Person
    /** How many people Parley counts in the room; undefined until it has said. */
    this.count = undefined;
    /** The cursor of the next page of members, when Parley has more than it sent. */
    this.cursor = undefined;
    this.unread = 0;
    this.scrollTop = 0;
    this.following = true;
  }

  /**
   * Takes a page of members (`joined` or `members`), replacing the list unless it continues it; returns the people
   * the list no longer has.
   */
  takePage(frame, people, continued) {
    const before = continued ? [] : [...this.members.values()];
    if (!continued) {
      this.members.clear();
    }
    for (const member of Array.isArray(frame.members) ? frame.members : []) {
      const person = people.member(member);
      if (person) {
        this.members.set(person.key, person);
      }
    }
    this.count = Number.isInteger(frame.count) ? frame.count : this.members.size;
    this.cursor = frame.more === true && text(frame.cursor) ? frame.cursor : undefined;
    return before.filter((person) => !this.members.has(person.key));
  }
}
