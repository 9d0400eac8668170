import { parseId } from "../domain/ids.ts";
import { addPaper, type PaperInput } from "../use-cases/add-paper.ts";
import { listPapers } from "../use-cases/list-papers.ts";
import { sendPapers } from "../use-cases/send-papers.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, usageError } from "./spec.ts";

const MAX_TITLE = 200;
const MAX_SUMMARY = 1000;

// A plain summary follows the title after a dash (` — `, ` – `, ` -- `) or after `summary:`.
const SUMMARY_SEPARATOR = /\s+(?:—|–|--)\s+|(?:^|\s+)summary:\s*/i;

const add: CommandSpec = {
  verb: "papers",
  sub: "add",
  usage: "/papers add [<M-n>] <link> [<title>] [— <plain summary>]",
  example: "/papers add M-3 https://example.org/budget.pdf Budget 2027 — where the money goes next year",
  summary: "add a paper for the next (or named) meeting, with a plain summary after a dash",
  who: "organisers",
  refusal:
    "Only the chair or coordinator can add papers. You can see the papers for the next meeting with `/papers`.",
  needsWorkstream: true,
  run: (core, ctx, args) => addPaper(core, inWorkstream(ctx), readPaperInput(args)),
};

const send: CommandSpec = {
  verb: "papers",
  sub: "send",
  usage: "/papers send [<M-n>]",
  example: "/papers send M-3",
  summary: "send the papers to every member now, instead of waiting",
  who: "organisers",
  needsWorkstream: true,
  run(core, ctx, args) {
    const list = words(args);
    if (list.length > 1) usageError(send, "Name at most one meeting.");
    return sendPapers(core, inWorkstream(ctx), list[0]);
  },
};

const list: CommandSpec = {
  verb: "papers",
  sub: "",
  usage: "/papers [<M-n>]",
  example: "/papers M-3",
  summary: "see a meeting's papers (chairs and coordinators also see who has read them)",
  who: "members",
  needsWorkstream: true,
  run(core, ctx, args) {
    const given = words(args);
    if (given.length > 1 || (given[0] !== undefined && parseId("meeting", given[0]) === undefined))
      usageError(list, "Name one meeting, or nothing for the next one.");
    return listPapers(core, inWorkstream(ctx), given[0]);
  },
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
        ? `"${linkWord}" doesn't look like a link (it should start with https://).`
        : "Please give the paper's link.",
    );
  }
  rest = rest.slice(linkWord.length).trim();
  const split = SUMMARY_SEPARATOR.exec(rest);
  const title = ((split ? rest.slice(0, split.index) : rest).trim() || titleFromLink(link)).trim();
  const summary = split ? rest.slice(split.index + split[0].length).trim() : "";
  if (title.length > MAX_TITLE) usageError(add, `Please keep the title under ${MAX_TITLE} characters.`);
  if (summary.length > MAX_SUMMARY)
    usageError(add, `Please keep the summary under ${MAX_SUMMARY} characters.`);
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

export const papersCommands: CommandSpec[] = [list, add, send];
