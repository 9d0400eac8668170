/**
 * The console names people by handle, `@sam`; the core reads a mention only in the platform
 * form `<@id|Name>` (what Slack sends, and what the Teams adapter rewrites its `<at>` to). So
 * the console translates on the way in, and back on the way out, and the core needs no
 * console branch.
 */

// A whole word `@sam`, and the comma of a list (`@sam, @kim`), as the core used to read them.
const HANDLE = /^@([\p{L}\p{N}_.-]+)(,?)$/u;
// The same mention written back: `<@@sam|Sam>` or `<@@sam>`.
const WRITTEN = /<@(@[\p{L}\p{N}_.-]+)(?:\|[^>]*)?>/gu;

/** The key (and DM address) the core knows a console person by: `console:@sam`. */
export const consoleKey = (handle: string): string => `console:@${handle.toLowerCase()}`;

/** "sam" → "Sam": the name of someone the bot has not met yet. */
const nameOfHandle = (handle: string): string => handle.charAt(0).toUpperCase() + handle.slice(1);

/**
 * Turns each `@handle` word into `<@@handle|Name>`, so the core reads it as the person
 * `console:@handle`. The name is the one the bot already knows (`knownName`), or the handle
 * capitalised for someone new: the same name the core used to give a console mention.
 */
export function mentionsIn(line: string, knownName: (key: string) => string | undefined): string {
  return line.replace(/\S+/g, (word) => {
    const m = HANDLE.exec(word);
    if (!m?.[1]) return word;
    const handle = m[1].toLowerCase();
    const known = knownName(consoleKey(handle));
    const name = known && !known.includes(">") ? known : nameOfHandle(handle);
    return `<@@${handle}|${name}>${m[2] ?? ""}`;
  });
}

/** Writes `<@@sam|Sam>` back as `@sam` in what the bot says. */
export function handlesIn(text: string): string {
  return text.replace(WRITTEN, "$1");
}
