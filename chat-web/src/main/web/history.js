// Where the page stands in one room's history (Parley numbers a room's messages 1, 2, 3… within an epoch), and the
// order in which its messages are shown: by seq, holding a message briefly while an earlier one is still on its way.
// No DOM here.

/** How long a message waits for an earlier one before it is shown anyway (frames may arrive out of order on AWS). */
export const HOLD_MS = 1500;

export class RoomHistory {
  /** The room history's epoch as Parley last said it; undefined until a `joined` answer. */
  epoch = undefined;
  /** Every seq up to this one is shown, or accounted for (void, in a gap, the page's own). */
  seq = 0;
  /** The lowest seq shown: where an older page of history ends. */
  oldest = undefined;
  /** Whether Parley keeps messages older than `oldest`. */
  more = false;
  /** Whether a page of older messages has been asked for and not all come yet. */
  loadingOlder = false;
  /** Seqs past `seq` already here, waiting for the ones before them: seq → entry (null for a void seq). */
  #held = new Map();
  /** Seqs passed over when a hold ran out: still shown if they come, and asked for again on the next resume. */
  #skipped = new Set();
  /**
   * The seqs a join's answer counted as history (after what the page showed, up to the answer's latest): a page of
   * history brings them, but one that comes live first is shown then, once.
   */
  #countedAtJoin = { after: 0, upTo: 0 };
  /** Seqs of that range shown already, live or in a page of history. */
  #shownOfCounted = new Set();
  #timer = null;
  #release;

  /** @param {function(Array): void} release shows entries whose hold ran out, in seq order */
  constructor(release) {
    this.#release = release;
  }

  get known() {
    return this.epoch !== undefined;
  }

  /** The place to resume from: the last seq before which nothing is missing. */
  since() {
    const firstSkipped = Math.min(...this.#skipped);
    return { epoch: this.epoch, seq: Number.isFinite(firstSkipped) ? firstSkipped - 1 : this.seq };
  }

  /** A `joined` answer: the room's epoch and latest seq. A new epoch starts the count again; true when it did. */
  joined(epoch, latest, resuming) {
    if (resuming && epoch === this.epoch) {
      return false; // the replay that follows brings the page up to `latest`
    }
    const changed = this.known && epoch !== this.epoch;
    this.flush();
    this.epoch = epoch;
    this.#skipped.clear();
    // Not resuming: what came before the join is history, asked for separately; after a reset, the gap says it.
    // Messages shown before the answer came (sent while the join was on its way) stay accounted for: the latest
    // seq Parley read for the answer may be older than they are.
    const before = resuming || changed ? 0 : this.seq;
    this.seq = resuming ? 0 : Math.max(before, latest);
    this.#countedAtJoin = { after: before, upTo: this.seq };
    this.#shownOfCounted.clear();
    if (changed) {
      this.oldest = undefined;
      this.more = false;
    }
    return changed;
  }

  /**
   * A room message shown before the join's answer said where the room stands (it was sent while the join was on its
   * way): the page must not resume from before it, whatever latest seq the answer names.
   */
  shownBeforeJoin(seq) {
    this.seq = Math.max(this.seq, seq);
    this.#noteShown(seq);
  }

  /**
   * A message (or the page's own, by its ack) at `seq` has arrived: returns the entries to show now, in seq order
   * (none when it is a repeat or is held for an earlier one; more than one when it was the one they waited for).
   */
  arrive(seq, entry) {
    if (this.#skipped.delete(seq)) {
      this.#noteShown(seq);
      return [entry];
    }
    if (this.#held.has(seq)) {
      return [];
    }
    if (seq <= this.seq) {
      // Stored before the join read the room, so its answer counted it as history, but it came live first.
      return this.#firstOfCounted(seq) ? [entry] : [];
    }
    this.#held.set(seq, entry);
    return this.#advance();
  }

  /**
   * A `gap`: the seqs `from` to `to` will never come (Parley no longer has them, or the epoch changed); it starts
   * right after the place the page resumed from. Returns what no longer waits, in seq order.
   */
  gap(from, to) {
    for (const seq of [...this.#skipped]) {
      if (seq >= from && seq <= to) {
        this.#skipped.delete(seq);
      }
    }
    const shown = [];
    if (to > this.seq) {
      // Anything held inside the range arrived live after all: shown, in order, before what follows the gap.
      for (const seq of [...this.#held.keys()].filter((held) => held <= to).sort((a, b) => a - b)) {
        const entry = this.#held.get(seq);
        this.#held.delete(seq);
        if (entry !== null) {
          shown.push(entry);
          this.#noteShown(seq);
        }
      }
      this.seq = to;
    }
    return shown.concat(this.#advance());
  }

  /** Seqs nothing waits for any more: `void` ones (allocated, never stored), or ones a page of history showed. */
  accountFor(seqs) {
    for (const seq of seqs) {
      this.#skipped.delete(seq);
      if (seq > this.seq) {
        this.#held.set(seq, this.#held.get(seq) ?? null);
      }
    }
    return this.#advance();
  }

  /** Shows whatever is held, in order, giving up on the seqs still missing before them for now. */
  flush() {
    clearTimeout(this.#timer);
    this.#timer = null;
    const shown = [];
    for (const seq of [...this.#held.keys()].sort((a, b) => a - b)) {
      for (let missing = this.seq + 1; missing < seq; missing++) {
        this.#skipped.add(missing);
      }
      this.seq = seq;
      const entry = this.#held.get(seq);
      if (entry !== null) {
        shown.push(entry);
        this.#noteShown(seq);
      }
    }
    this.#held.clear();
    return shown;
  }

  /**
   * A page of history was shown: `seqs` are the seqs it holds, `more` whether Parley keeps older ones. A page asked
   * for right after the join may hold messages stored after the join's answer read the room: they are accounted for
   * as if they had come live (their live copies are then repeats, dropped by id), so a resume starts after them.
   * Returns what no longer waits, in seq order.
   */
  pageShown(seqs, more) {
    if (seqs.length > 0) {
      const oldest = Math.min(...seqs);
      this.oldest = this.oldest === undefined ? oldest : Math.min(this.oldest, oldest);
    }
    this.more = seqs.length > 0 && more;
    seqs.forEach((seq) => this.#firstOfCounted(seq));
    return this.accountFor(seqs);
  }

  /** Whether `seq` is one the join counted as history that is shown now for the first time (and notes it shown). */
  #firstOfCounted(seq) {
    const counted = seq > this.#countedAtJoin.after && seq <= this.#countedAtJoin.upTo;
    if (!counted || this.#shownOfCounted.has(seq)) {
      return false;
    }
    this.#shownOfCounted.add(seq);
    return true;
  }

  #advance() {
    const shown = [];
    while (this.#held.has(this.seq + 1)) {
      this.seq += 1;
      const entry = this.#held.get(this.seq);
      this.#held.delete(this.seq);
      if (entry !== null) {
        shown.push(entry);
        this.#noteShown(this.seq);
      }
    }
    if (this.#held.size === 0) {
      clearTimeout(this.#timer);
      this.#timer = null;
    } else if (this.#timer === null) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#release(this.flush());
      }, HOLD_MS);
    }
    return shown;
  }

  #noteShown(seq) {
    if (this.oldest === undefined || seq < this.oldest) {
      this.oldest = seq;
    }
  }
}
