import { parseId } from "../domain/ids.ts";
import { code, rich } from "../domain/rich-text.ts";
import { cleanText, quoteBack, readText, TEXT_LIMITS } from "../domain/text.ts";
import { addPaper, type PaperInput } from "../use-cases/add-paper.ts";
import { listPapers } from "../use-cases/list-papers.ts";
import { removePaper } from "../use-cases/remove-paper.ts";
import { sendPapers } from "../use-cases/send-papers.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, oneId, optionalId, usageError } from "./spec.ts";

// A plain summary follows the title after a dash (` — `, ` – `, ` -- `) or after `summary:`.
const SUMMARY_SEPARATOR = /\s+(?:—|–|--)\s+|(?:^|\s+)summary:\s*/i;

const add: CommandSpec<PaperInput> = {
  verb: "papers",
  sub: "add",
  usage: "/papers add [<M-n>] <link> [<title>] [— <plain summary>]",
  example: "/papers add M-3 https://example.org/budget.pdf Budget 2027 — where the money goes next year",
  summary: "add a paper for the next (or named) meeting, with a plain summary after a dash",
  who: "organisers",
  refusal: rich`Only the chair or coordinator can add papers. You can see the papers for the next meeting with ${code("/papers")}.`,
  needsWorkstream: true,
  parse: (args) => readPaperInput(args),
  run: (core, ctx, input) => addPaper(core, inWorkstream(ctx), input),
};

const send: CommandSpec<string> = {
  verb: "papers",
  sub: "send",
  usage: "/papers send [<M-n>]",
  example: "/papers send M-3",
  summary: "send the papers to every member now, instead of waiting",
  who: "organisers",
  needsWorkstream: true,
  parse: (args) => optionalId(send, args),
  run: (core, ctx, id) => sendPapers(core, inWorkstream(ctx), id || undefined),
};

const list: CommandSpec<string | undefined> = {
  verb: "papers",
  sub: "",
  usage: "/papers [<M-n>]",
  example: "/papers M-3",
  summary: "see a meeting's papers (chairs and coordinators also see who has read them)",
  who: "members",
  needsWorkstream: true,
  readOnly: () => true,
  parse(args) {
    const given = words(args);
    if (given.length > 1 || (given[0] !== undefined && parseId("meeting", given[0]) === undefined))
      usageError(list, "Name one meeting, or nothing for the next one.");
    return given[0];
  },
  run: (core, ctx, id) => listPapers(core, inWorkstream(ctx), id),
};

const remove: CommandSpec<string> = {
  verb: "papers",
  sub: "remove",
  usage: "/papers remove <PA-n>",
  example: "/papers remove PA-2",
  summary: "take a paper off its meeting (members who had it are told they needn't read it)",
  who: "organisers",
  topic: "Before a meeting",
  needsWorkstream: true,
  parse(args) {
    const id = oneId(remove, args, "Name the one paper to take off.");
    if (parseId("paper", id) === undefined) usageError(remove, `"${quoteBack(id)}" is not a paper number.`);
    return id;
  },
  run: (core, ctx, id) => removePaper(core, inWorkstream(ctx), id),
};

/**
 * Reads `[<M-n>] <link> [<title>] [— <plain summary>]`. Slack sends a link as `<https://…>` or
 * `<https://…|label>`; both are unwrapped. A missing title is made from the link.
 */
export function readPaperInput(args: string): PaperInput {
  let rest = args.trim();
  let meetingId: string | undefined;
  const first = /^\S+/.exec(rest)?.[0];
  if (first && parseId("meeting", first) !== undefined) {
    meetingId = first;
    rest = rest.slice(first.length).trim();
  }
  const linkWord = /^\S+/.exec(rest)?.[0] ?? "";
  const link = linkWord.replace(/^<([^|>]+)(?:\|[^>]*)?>$/, "$1");
  if (!/^https?:\/\/\S+$/i.test(link)) {
    usageError(
      add,
      linkWord
        ? `"${quoteBack(linkWord)}" doesn't look like a link (it should start with https://).`
        : "Please give the paper's link.",
    );
  }
  rest = rest.slice(linkWord.length).trim();
  const split = SUMMARY_SEPARATOR.exec(rest);
  const title =
    readText("title", split ? rest.slice(0, split.index) : rest) ||
    [...cleanText(titleFromLink(link))].slice(0, TEXT_LIMITS.title).join("");
  const summary = readText("summary", split ? rest.slice(split.index + split[0].length) : "");
  return { ...(meetingId ? { meetingId } : {}), link, title, summary: summary || null };
}

/** "budget-2027.pdf" from https://example.org/papers/budget-2027.pdf, else the site's name. */
function titleFromLink(link: string): string {
  try {
    const url = new URL(link);
    const last = url.pathname.split("/").filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : url.hostname;
  } catch {
    return link;
  }
}

export const papersCommands: CommandSpec[] = [list, add, send, remove];
