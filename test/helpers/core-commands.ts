import { renderPlainText } from "../../src/messages/plain-text.ts";
import type { Harness } from "./harness.ts";

/** Types a command as `who` in some other channel (the harness's `say` only knows its own). */
export async function sayIn(
  h: Harness,
  who: string,
  text: string,
  channel: string,
): Promise<{ text: string; error?: string }> {
  const reply = await h.bot.command({ platform: "test", actor: h.person(who), channel, text });
  return { text: renderPlainText(reply.message), ...(reply.error ? { error: reply.error } : {}) };
}

/** Types a command as someone with a given key and display name (e.g. a name with spaces). */
export async function sayAs(
  h: Harness,
  actor: { key: string; name: string; dm: string },
  text: string,
  channel?: string,
): Promise<{ text: string; error?: string }> {
  const reply = await h.bot.command({ platform: "test", actor, ...(channel ? { channel } : {}), text });
  return { text: renderPlainText(reply.message), ...(reply.error ? { error: reply.error } : {}) };
}

/** Every row of every table, so a test can show that a refused command changed nothing. */
export function snapshot(h: Harness): string {
  const tables = h.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return JSON.stringify(tables.map(({ name }) => [name, h.db.prepare(`SELECT * FROM "${name}"`).all()]));
}

/** The direct messages and posts sent since the last clear, after delivering what is due. */
export async function delivered(h: Harness): Promise<Array<{ address: string; text: string }>> {
  await h.bot.deliver();
  return h.gateway.sent.map((s) => ({ address: s.address, text: s.text }));
}
