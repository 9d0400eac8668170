import type { Db } from "./open.ts";
import { EMPTIED_BODY } from "./outbox-store.ts";

/** What a person's wording is replaced with. */
export const REMOVED = "[removed]";

/** A person's own wording, per table and column: the rows they own by `owner`. */
export const THEIR_TEXT: Array<{ table: string; owner: string; columns: string[] }> = [
  { table: "checkin_answers", owner: "person_id", columns: ["comment"] },
  { table: "support_requests", owner: "person_id", columns: ["need"] },
  { table: "paper_questions", owner: "person_id", columns: ["question", "answer"] },
  { table: "paper_format_requests", owner: "person_id", columns: ["details"] },
  { table: "dissent", owner: "member_id", columns: ["view"] },
  // A member's agenda suggestion (a chair's own items too: whoever added it owns its words).
  { table: "agenda_items", owner: "added_by", columns: ["text"] },
  // A decision's words, as the chair or coordinator who recorded it wrote them.
  { table: "decisions", owner: "recorded_by", columns: ["text"] },
  // Ground-rules answers given with a name (anonymous ones are tied to no one, so they stay).
  // Agreed ground rules are the group's words, not the chair's who typed them: they stay.
  { table: "ground_rules_answers", owner: "person_id", columns: ["answer"] },
  // Named review answers' comments (anonymous ones are tied to no one, so they stay).
  {
    table: "review_answers",
    owner: "person_id",
    columns: ["task_comment", "process_comment", "learn_comment"],
  },
];

/**
 * Shorter than this, a text is only looked for where our messages quote it ("…" or *…*), and
 * never replaced inside other people's records: "no" or "thanks" must not blank out the words
 * of everyone else who happened to write them.
 */
const SHORT = 8;

type Has = (table: string, ...cols: string[]) => boolean;
type Note = (what: string, n: number) => void;

/**
 * Everything this person wrote that the database keeps: their answers' comments, support needs,
 * questions, format details, and every wording of their dissent (the chair's first record of it
 * included). Read before any of it is redacted; longest first, so a longer text is matched
 * before a shorter one inside it.
 */
export function wordsOf(db: Db, has: Has, personId: number): string[] {
  const texts = new Set<string>();
  const add = (sql: string) => {
    for (const v of db.prepare(sql).pluck().all(personId)) {
      if (typeof v === "string" && v.trim() !== "" && v !== REMOVED) texts.add(v);
    }
  };
  for (const { table, owner, columns } of THEIR_TEXT) {
    for (const col of columns) {
      if (has(table, owner, col)) add(`SELECT "${col}" FROM "${table}" WHERE "${owner}" = ?`);
    }
  }
  if (has("dissent_history", "dissent_id", "old_view", "new_view") && has("dissent", "member_id")) {
    for (const col of ["old_view", "new_view"]) {
      add(
        `SELECT h."${col}" FROM dissent_history h JOIN dissent d ON d.id = h.dissent_id WHERE d.member_id = ?`,
      );
    }
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

/**
 * How a text appears inside a stored message (JSON), quoted as our messages quote people: in
 * quotes, emphasised (a span `{"em":…}`, or `*…*` in messages stored before text had spans).
 */
function needlesOf(text: string): string[] {
  const inJson = (s: string) => JSON.stringify(s).slice(1, -1);
  return text.length >= SHORT
    ? [inJson(text)]
    : [inJson(`"${text}"`), JSON.stringify({ em: text }), inJson(`*${text}*`)];
}

/**
 * Messages to other people that carry this person's words — their dissent posted in the
 * channel, their support need sent to the coordinators, their question or apologies note sent
 * to the chairs, their comment in the chair's summary — lose their body. Those still waiting are
 * dropped, never sent. Keys, states and times stay, which is all exactly-once needs.
 */
export function forgetWordsInOutbox(db: Db, personId: number, words: string[], now: number, note: Note) {
  const needles = words.flatMap(needlesOf);
  // An apologies note is kept nowhere but the message to the chairs: `apologies:<meeting>:<person>:<chair>`.
  const theirApologies = (key: string) =>
    key.startsWith("apologies:") && key.split(":")[2] === String(personId);
  const pending: number[] = [];
  const finished: number[] = [];
  // With no words to look for, only their apologies notes: a range on the key's index.
  const rows = (
    needles.length > 0
      ? db.prepare("SELECT id, key, status, message FROM outbox WHERE message != ?").iterate(EMPTIED_BODY)
      : db
          .prepare(
            "SELECT id, key, status, message FROM outbox WHERE key >= 'apologies:' AND key < 'apologies;' AND message != ?",
          )
          .iterate(EMPTIED_BODY)
  ) as Iterable<{ id: number; key: string; status: string; message: string }>;
  for (const row of rows) {
    if (!theirApologies(row.key) && !needles.some((n) => row.message.includes(n))) continue;
    (row.status === "pending" ? pending : finished).push(row.id);
  }
  const drop = db.prepare(
    "UPDATE outbox SET status = 'dropped', last_error = 'forgotten', finished_at = ?, message = ? WHERE id = ?",
  );
  const empty = db.prepare("UPDATE outbox SET message = ? WHERE id = ?");
  for (const id of pending) drop.run(now, EMPTIED_BODY, id);
  for (const id of finished) empty.run(EMPTIED_BODY, id);
  note("messages to others carrying their words (dropped, never sent)", pending.length);
  note("messages to others carrying their words (already sent, emptied)", finished.length);
}

/**
 * Their words copied out of where they wrote them: a parked item made from their dissent takes
 * its title from it, and any other record that quotes them. Runs after their own rows are
 * redacted, so what it finds are copies.
 */
export function forgetCopiedWords(db: Db, has: Has, personId: number, words: string[], note: Note) {
  if (has("parked_items", "title", "from_dissent_id") && has("dissent", "member_id")) {
    const items = db
      .prepare(
        "SELECT p.id, p.title FROM parked_items p JOIN dissent d ON d.id = p.from_dissent_id WHERE d.member_id = ?",
      )
      .all(personId) as Array<{ id: number; title: string }>;
    const retitle = db.prepare("UPDATE parked_items SET title = ? WHERE id = ?");
    let n = 0;
    for (const item of items) {
      if (words.some((w) => item.title === w || (w.length >= SHORT && item.title.includes(w)))) {
        n += retitle.run(REMOVED, item.id).changes;
      }
    }
    note("parked item titles from their dissent", n);
  }
  const long = words.filter((w) => w.length >= SHORT);
  if (long.length === 0) return;
  // The outbox is dealt with whole messages at a time; the others hold no one's free text.
  const skip = new Set(["outbox", "people", "adapter_data", "inbound_seen", "schema_migrations"]);
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  let copies = 0;
  // One read of each table, matched here, then only the rows that quote them are written: a
  // statement per word and column would read every table many times while holding the lock.
  for (const table of tables.filter((t) => !skip.has(t))) {
    const columns = (
      db.prepare("SELECT name, type FROM pragma_table_info(?)").all(table) as Array<{
        name: string;
        type: string;
      }>
    )
      .filter((c) => /TEXT|CHAR|CLOB|^$/i.test(c.type))
      .map((c) => c.name);
    if (columns.length === 0) continue;
    const list = columns.map((c) => `"${c}"`).join(", ");
    const changes: Array<{ rowid: number; col: string; value: string }> = [];
    let rows: Iterable<Record<string, unknown>>;
    try {
      rows = db.prepare(`SELECT rowid AS rowid_, ${list} FROM "${table}"`).iterate() as Iterable<
        Record<string, unknown>
      >;
    } catch {
      continue; // A table without a rowid: none of ours keeps free text that way.
    }
    for (const row of rows) {
      for (const col of columns) {
        const value = row[col];
        if (typeof value !== "string" || !long.some((w) => value.includes(w))) continue;
        const replaced = long.reduce((v, w) => v.split(w).join(REMOVED), value);
        changes.push({ rowid: Number(row.rowid_), col, value: replaced });
      }
    }
    for (const { rowid, col, value } of changes) {
      try {
        copies += db.prepare(`UPDATE "${table}" SET "${col}" = ? WHERE rowid = ?`).run(value, rowid).changes;
      } catch {
        // A check or unique constraint on this column: it holds codes, not anyone's words.
      }
    }
  }
  note("their words copied elsewhere", copies);
}

/**
 * Makes what was deleted unreadable in the file itself: VACUUM rewrites the database without
 * its free pages (secure_delete zeroes what this connection frees, but not what was freed
 * before it was on), and a TRUNCATE checkpoint copies the log into the file and empties it, so
 * old page images with their words are gone from the -wal too. Waits for the bot's readers
 * (busy_timeout); false when the log could not be emptied.
 */
export function clearFreeSpace(db: Db): boolean {
  db.exec("VACUUM");
  // A bot writing every moment can still win the lock between tries: try again for a while.
  for (let attempt = 0; attempt < 50; attempt++) {
    const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number }>;
    if (result?.busy === 0) return true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  return false;
}
